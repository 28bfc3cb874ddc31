package io.deskforge.task.export;

/**
 * The part of regular-expression syntax that Java's {@code Pattern} (with DOTALL, as the regex
 * metric compiles it) and Python's {@code re} (with DOTALL and ASCII, as the VM reader runs it)
 * read the same way: literals, escaped punctuation, {@code . \d \D \s \S \w \W \t \n \r \f},
 * character classes without nesting or set operations, groups {@code (...)} and {@code (?:...)},
 * alternation, and greedy or lazy quantifiers. Anchors, word boundaries, back references,
 * look-arounds, flags, possessive quantifiers and Unicode properties differ between the two, so
 * a pattern using them cannot be exported with the meaning deskforge gives it.
 */
final class PortableRegex {
  private PortableRegex() {}

  private static final String CLASS_ESCAPES = "dDsSwWtnrf";

  /** Null when the pattern is in the portable part, else what is not, and where. */
  static String problem(String pattern) {
    int depth = 0;
    boolean atom = false; // whether a quantifier may follow
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      switch (c) {
        case '\\' -> {
          String e = escape(pattern, i, false);
          if (e != null) return e;
          i += 2;
          atom = true;
          continue;
        }
        case '[' -> {
          int end = classEnd(pattern, i);
          if (end < 0) return classProblem(pattern, i);
          i = end + 1;
          atom = true;
          continue;
        }
        case '(' -> {
          if (pattern.startsWith("(?", i)) {
            if (!pattern.startsWith("(?:", i)) return "'(?' at " + i + " (only (?:...) groups are portable)";
            i += 3;
          } else {
            i++;
          }
          depth++;
          atom = false;
          continue;
        }
        case ')' -> {
          if (depth == 0) return "unbalanced ')' at " + i;
          depth--;
          i++;
          atom = true;
          continue;
        }
        case '|' -> {
          i++;
          atom = false;
          continue;
        }
        case '*', '+', '?', '{' -> {
          if (!atom) return "'" + c + "' at " + i + " quantifies nothing";
          int end = c == '{' ? braceEnd(pattern, i) : i;
          if (end < 0) return "'{' at " + i + " is not a quantifier {n}, {n,} or {n,m}";
          i = end + 1;
          if (i < pattern.length() && pattern.charAt(i) == '+') return "possessive quantifier at " + i;
          if (i < pattern.length() && pattern.charAt(i) == '?') i++;
          atom = false;
          continue;
        }
        case '^', '$' -> {
          return "anchor '" + c + "' at " + i + " (the whole reading is matched anyway)";
        }
        case ']', '}' -> {
          return "unescaped '" + c + "' at " + i;
        }
        default -> {
          i += Character.charCount(pattern.codePointAt(i));
          atom = true;
        }
      }
    }
    return depth == 0 ? null : "unbalanced '(' (" + depth + " open)";
  }

  private static String escape(String p, int i, boolean inClass) {
    if (i + 1 >= p.length()) return "trailing '\\'";
    char n = p.charAt(i + 1);
    if (CLASS_ESCAPES.indexOf(n) >= 0) return null;
    if (n < 128 && !Character.isLetterOrDigit(n) && n > ' ') return null; // escaped punctuation is literal in both
    return "escape '\\" + n + "' at " + i + (inClass ? " in a character class" : "");
  }

  /** The index of the ']' closing the class opened at i, or -1 when the class is not portable. */
  private static int classEnd(String p, int i) {
    int j = i + 1;
    if (j < p.length() && p.charAt(j) == '^') j++;
    if (j < p.length() && p.charAt(j) == ']') return -1;
    while (j < p.length()) {
      char c = p.charAt(j);
      if (c == ']') return j;
      if (c == '[') return -1;
      if (c == '\\') {
        if (escape(p, j, true) != null) return -1;
        j += 2;
        continue;
      }
      if ((c == '&' || c == '-' || c == '~' || c == '|') && j + 1 < p.length() && p.charAt(j + 1) == c) return -1;
      j++;
    }
    return -1;
  }

  private static String classProblem(String p, int i) {
    int j = i + 1;
    if (j < p.length() && p.charAt(j) == '^') j++;
    if (j < p.length() && p.charAt(j) == ']') return "character class at " + i + " starts with ']'";
    while (j < p.length()) {
      char c = p.charAt(j);
      if (c == '[') return "nested '[' in the character class at " + i;
      if (c == '\\') {
        String e = escape(p, j, true);
        if (e != null) return e;
        j += 2;
        continue;
      }
      if ((c == '&' || c == '-' || c == '~' || c == '|') && j + 1 < p.length() && p.charAt(j + 1) == c) {
        return "'" + c + c + "' in the character class at " + i;
      }
      if (c == ']') break;
      j++;
    }
    return "unclosed character class at " + i;
  }

  /** The index of the '}' ending a quantifier {n}, {n,} or {n,m} at i, or -1. */
  private static int braceEnd(String p, int i) {
    int j = i + 1;
    int digits = 0;
    while (j < p.length() && p.charAt(j) >= '0' && p.charAt(j) <= '9') {
      j++;
      digits++;
    }
    if (digits == 0) return -1;
    if (j < p.length() && p.charAt(j) == ',') {
      j++;
      while (j < p.length() && p.charAt(j) >= '0' && p.charAt(j) <= '9') j++;
    }
    return j < p.length() && p.charAt(j) == '}' ? j : -1;
  }
}
