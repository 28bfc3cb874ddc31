package io.deskforge.task.export;

/**
 * Text in a form that WebArena's own comparison keeps exact. Its {@code clean_answer} strips both
 * sides, drops a pair of surrounding quotes and lower-cases them, so "Lunch" and "lunch" would be
 * equal there and not in deskforge. In this form every upper-case ASCII letter is {@code ^} and its
 * lower case, {@code ^} and quotes are {@code ^^}, {@code ^"}, {@code ^'}, and every character
 * outside printable ASCII but line feed and tab, and {@code &}, is {@code ^{hex code point}}: the
 * form has no upper-case letter, begins and ends with no quote or white space, has no {@code &}
 * for WebArena's {@code html.unescape} of the selection to turn ({@code &lt;} would read as
 * {@code <}), and tells apart any two texts. So WebArena's {@code exact_match} on two forms is 1
 * exactly when the texts are equal.
 *
 * <p>{@link #exact} computes it here for the expected text; {@link #locator} wraps a JavaScript
 * expression read on the live page so that the page computes the same form of what it reads,
 * stripped first as Java's {@code String.strip} strips (deskforge's {@code trim}).
 */
public final class WebArenaText {
  private WebArenaText() {}

  /** Java's {@code Character.isWhitespace} as a JavaScript character class (not JS's own \s, which also takes no-break spaces). */
  static final String JAVA_WHITE_SPACE = "[\\t\\n\\u000b\\f\\r\\u001c-\\u001f \\u1680\\u2000-\\u2006\\u2008-\\u200a\\u2028\\u2029\\u205f\\u3000]";

  /** The form of {@code text} stripped as Java strips. */
  public static String exact(String text) {
    StringBuilder out = new StringBuilder();
    text.strip().codePoints().forEach(c -> {
      if (c >= 'A' && c <= 'Z') out.append('^').append((char) (c - 'A' + 'a'));
      else if (c == '^' || c == '"' || c == '\'') out.append('^').append((char) c);
      else if ((c < ' ' && c != '\n' && c != '\t') || c > '~' || c == '&') out.append("^{").append(Integer.toHexString(c)).append('}');
      else out.appendCodePoint(c);
    });
    return out.toString();
  }

  /**
   * A WebArena locator that selects the form of what {@code text} reads on the page, stripped as
   * Java strips: {@code text} is a JavaScript expression of a string starting with {@code document.},
   * and the locator starts with {@code [...document.}, one of the two starts WebArena runs as
   * JavaScript.
   */
  public static String locator(String text) {
    if (!text.startsWith("document.")) throw new IllegalArgumentException("a WebArena locator reads the document: " + text);
    String ws = JAVA_WHITE_SPACE;
    return "[..." + text + ".replace(/^" + ws + "+|" + ws + "+$/g, '')].map(c => "
        + "c >= 'A' && c <= 'Z' ? '^' + c.toLowerCase() "
        + ": c === '^' || c === '\"' || c === \"'\" ? '^' + c "
        + ": (c < ' ' && c !== '\\n' && c !== '\\t') || c > '~' || c === '&' ? '^{' + c.codePointAt(0).toString(16) + '}' "
        + ": c).join('')";
  }
}
