package io.deskforge.task.check;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a getter read: text, a flag, a list of names or rows of cells. {@code present} is false when
 * the thing read does not exist (a missing file reads as absent, not as an error), or when it could
 * not be read safely ({@code unreadable} says why: a link, a FIFO, a file over the read limit), so
 * every metric that needs a value fails closed on it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reading(boolean present, String text, Boolean flag, List<String> items, List<List<String>> rows, String unreadable) {

  public Reading(boolean present, String text, Boolean flag, List<String> items, List<List<String>> rows) {
    this(present, text, flag, items, rows, null);
  }

  public static Reading absent() {
    return new Reading(false, null, null, null, null);
  }

  /** Something is there but could not be read safely; the reason goes into the check's report. */
  public static Reading unreadable(String why) {
    return new Reading(false, null, null, null, null, why);
  }

  public static Reading text(String text) {
    return new Reading(true, text, null, null, null);
  }

  public static Reading flag(boolean value) {
    return new Reading(true, null, value, null, null);
  }

  public static Reading items(List<String> items) {
    return new Reading(true, null, null, List.copyOf(items), null);
  }

  public static Reading rows(List<List<String>> rows) {
    return new Reading(true, null, null, null, rows.stream().map(List::copyOf).toList());
  }

  /** A short form for reports. */
  public String summary() {
    if (unreadable != null) return "(unreadable: " + unreadable + ")";
    if (!present) return "(absent)";
    if (text != null) return text.length() > CheckerEvaluator.SHOWN_WHOLE
        ? '"' + text.substring(0, CheckerEvaluator.SHOWN_WHOLE - 3) + "...\"" : '"' + text + '"';
    if (flag != null) return flag.toString();
    if (items != null) return items.toString();
    return String.valueOf(rows);
  }
}
