package io.deskforge.audit.visual;

import io.deskforge.desktop.WindowInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * What the evidence screenshots show, with OpenCV: the end screen is not blank or uniform, no
 * error or crash dialog is up, the task's app still has a window, and the screen changed between
 * the start and the end of a solution that edits what is shown. A replay that proves the checker
 * but fails one of these was proved on a broken screen (an app that died and left the file, an
 * error the checker does not read), so the audit rejects it.
 */
public final class VisualAudit {
  private VisualAudit() {}

  /** One check: its name, whether it held, and the figure or window that decided it. */
  public record Finding(String check, boolean passed, String detail) {}

  /** Below this standard deviation of grey levels the screen is uniform (a blank display is 0). */
  static final double MIN_STDDEV = 2.0;
  /** The share of pixels that must differ between start and end when the solution edits the screen. */
  static final double MIN_CHANGED = 0.00002; // about 20 pixels of a 1280x800 screen: one changed glyph is more
  static final Pattern ERROR_TITLE = Pattern.compile(
      "(?i)(?<![\\p{L}])(error|crash(ed)?|fatal|failed|failure|problem|could not|cannot|can't|unable)(?![\\p{L}])");

  public static List<Finding> inspect(byte[] startPng, byte[] endPng, List<WindowInfo> windows, String app, boolean edits) {
    List<Finding> out = new ArrayList<>();
    try (Mat start = grey(startPng); Mat end = grey(endPng)) {
      double sd = stddev(end);
      out.add(new Finding("not-blank", sd >= MIN_STDDEV, String.format(Locale.ROOT, "grey-level deviation %.1f of the end screen", sd)));
      List<String> errors = windows.stream().map(WindowInfo::title).filter(t -> t != null && ERROR_TITLE.matcher(t).find()).toList();
      out.add(new Finding("no-error-dialog", errors.isEmpty(), errors.isEmpty() ? "no window titled like an error" : "windows " + errors));
      boolean appWindow = windows.stream().anyMatch(w -> mentions(w.windowClass(), app) || mentions(w.instance(), app) || mentions(w.title(), app));
      out.add(new Finding("app-window", appWindow, appWindow ? app + " has a window" : "no window of " + app + " among "
          + windows.stream().map(w -> w.windowClass() + " '" + w.title() + "'").toList()));
      if (edits) {
        double changed = changedShare(start, end);
        out.add(new Finding("screen-changed", changed >= MIN_CHANGED,
            String.format(Locale.ROOT, "%.4f%% of the pixels changed between start and end", changed * 100)));
      }
    }
    return out;
  }

  private static boolean mentions(String s, String app) {
    return s != null && s.toLowerCase(Locale.ROOT).contains(app.toLowerCase(Locale.ROOT));
  }

  static Mat grey(byte[] png) {
    try (BytePointer bytes = new BytePointer(png); Mat buf = new Mat(1, png.length, opencv_core.CV_8U, bytes)) {
      Mat img = opencv_imgcodecs.imdecode(buf, opencv_imgcodecs.IMREAD_GRAYSCALE);
      if (img.empty()) throw new IllegalStateException("the screenshot is not a PNG OpenCV can read (" + png.length + " bytes)");
      return img;
    }
  }

  static double stddev(Mat grey) {
    try (Mat mean = new Mat(); Mat sd = new Mat()) {
      opencv_core.meanStdDev(grey, mean, sd);
      return sd.createIndexer() instanceof org.bytedeco.javacpp.indexer.DoubleIndexer d ? d.get(0) : 0;
    }
  }

  static double changedShare(Mat a, Mat b) {
    if (a.rows() != b.rows() || a.cols() != b.cols()) return 1.0;
    try (Mat diff = new Mat(); Mat mask = new Mat()) {
      opencv_core.absdiff(a, b, diff);
      opencv_imgproc.threshold(diff, mask, 16, 255, opencv_imgproc.THRESH_BINARY);
      return (double) opencv_core.countNonZero(mask) / ((double) a.rows() * a.cols());
    }
  }
}
