package io.deskforge.gym.env;

import io.deskforge.desktop.Screenshot;
import io.deskforge.desktop.x11.PngEncoder;
import io.deskforge.gym.action.ActionException;
import io.deskforge.gym.action.GymCommand;

/** A region of the screen scaled up, nearest pixel, to fit the screen while keeping its aspect. */
final class Zoom {
  private Zoom() {}

  static byte[] png(Screenshot s, GymCommand.Zoom z) {
    int x0 = Math.min(z.x0(), z.x1()), x1 = Math.max(z.x0(), z.x1());
    int y0 = Math.min(z.y0(), z.y1()), y1 = Math.max(z.y0(), z.y1());
    if (x0 < 0 || y0 < 0 || x1 > s.width() || y1 > s.height() || x1 - x0 < 1 || y1 - y0 < 1) {
      throw new ActionException("/region", "[" + z.x0() + ", " + z.y0() + ", " + z.x1() + ", " + z.y1()
          + "] is not a region of the " + s.width() + "x" + s.height() + " screen");
    }
    int w = x1 - x0, h = y1 - y0;
    double scale = Math.min((double) s.width() / w, (double) s.height() / h);
    int ow = Math.max(1, (int) Math.round(w * scale)), oh = Math.max(1, (int) Math.round(h * scale));
    int[] out = new int[ow * oh];
    for (int y = 0; y < oh; y++) {
      int sy = y0 + Math.min(h - 1, (int) (y / scale));
      for (int x = 0; x < ow; x++) out[y * ow + x] = s.pixel(x0 + Math.min(w - 1, (int) (x / scale)), sy);
    }
    return PngEncoder.encode(out, ow, oh);
  }
}
