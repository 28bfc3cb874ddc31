package io.deskforge.audit.statics;

import io.deskforge.task.check.CheckerEvaluator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a secret value is written in an instruction in any of the forms people write it: a
 * number with thousands separators, a sign (also the Unicode minus), a currency sign or a unit,
 * trailing zeros; a date as ISO, US, European or in words; a list as its items in any order and
 * with any separators. Words match as whole words, ignoring case.
 */
final class LeakScan {
  private LeakScan() {}

  /**
   * A number not part of a name ("B7", "notes-2.txt", "10:30" are not numbers): sign, currency,
   * digits with separators, decimals.
   */
  private static final Pattern NUMBER = Pattern.compile(
      "(?<![\\p{L}\\p{N}._/~:\\-])([-\\u2212\\u2013+]?)\\s?[$€£]?\\s?(\\d{1,3}(?:[,\\u00a0\\u202f ']\\d{3})+|\\d+)(\\.\\d+)?(?![\\p{L}\\p{N}]*[:\\p{N}])");
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
      DateTimeFormatter.ofPattern("uuuu-MM-dd"), DateTimeFormatter.ofPattern("M/d/uuuu"), DateTimeFormatter.ofPattern("d.M.uuuu"),
      DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH), DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH),
      DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH), DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH));
  private static final Pattern DATE_LIKE = Pattern.compile(
      "\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{4}|\\d{1,2}\\.\\d{1,2}\\.\\d{4}|[A-Z][a-z]+\\.? \\d{1,2}, \\d{4}|\\d{1,2} [A-Z][a-z]+\\.? \\d{4}");

  static boolean leaks(String instruction, String secret) {
    String v = secret.strip();
    if (v.isEmpty()) return false;
    List<String> items = items(v);
    if (items.size() > 1) return items.stream().allMatch(i -> leaks(instruction, i));
    BigDecimal n = CheckerEvaluator.number(v.replace('\u2212', '-'));
    if (n != null) return numbersIn(instruction).stream().anyMatch(x -> x.compareTo(n) == 0);
    if (ISO_DATE.matcher(v).matches()) {
      try {
        LocalDate d = LocalDate.parse(v);
        return datesIn(instruction).contains(d);
      } catch (DateTimeParseException e) {
        // not a date after all: compared as words below
      }
    }
    return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(v) + "(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
        .matcher(instruction).find();
  }

  /** The items of a list value: lines, or parts separated by commas or semicolons. */
  static List<String> items(String v) {
    String[] parts = v.contains("\n") ? v.split("\\n") : v.split("\\s*[;,]\\s*");
    List<String> out = new ArrayList<>();
    for (String p : parts) if (!p.isBlank()) out.add(p.strip());
    // "1,234" is a number, not a list of 1 and 234
    if (!v.contains("\n") && CheckerEvaluator.number(v.replace(",", "")) != null) return List.of(v.replace(",", ""));
    return out;
  }

  static List<BigDecimal> numbersIn(String text) {
    List<BigDecimal> out = new ArrayList<>();
    Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      String sign = m.group(1).isEmpty() || m.group(1).equals("+") ? "" : "-";
      String digits = m.group(2).replaceAll("[,\\u00a0\\u202f ']", "");
      String decimals = m.group(3) == null ? "" : m.group(3);
      try {
        out.add(new BigDecimal(sign + digits + decimals));
      } catch (NumberFormatException e) {
        // not a number after all
      }
    }
    return out;
  }

  static List<LocalDate> datesIn(String text) {
    List<LocalDate> out = new ArrayList<>();
    Matcher m = DATE_LIKE.matcher(text);
    while (m.find()) {
      String s = m.group().replace(".,", ",");
      for (DateTimeFormatter f : DATE_FORMATS) {
        try {
          out.add(LocalDate.parse(s, f));
          break;
        } catch (DateTimeParseException e) {
          // the next form
        }
      }
    }
    return out;
  }
}
