package io.deskforge.apps.document;

import java.util.List;
import java.util.Optional;

/**
 * The document formats of a set of apps, in the apps' order, and which one handles a file: the
 * first that claims its extension, else (for a document of a known kind) the first of that kind.
 */
public final class DocumentFormats {
  private final List<DocumentFormat> all;

  private DocumentFormats(List<DocumentFormat> all) {
    this.all = List.copyOf(all);
  }

  public static DocumentFormats of(List<? extends DocumentFormat> formats) {
    return new DocumentFormats(List.copyOf(formats));
  }

  public List<DocumentFormat> all() {
    return all;
  }

  /** The format claiming this path's extension, if any (what the audit fingerprints a file with). */
  public Optional<DocumentFormat> claiming(String path) {
    return all.stream().filter(f -> f.claims(path)).findFirst();
  }

  /** The format claiming this path's extension; throws naming the path and the extensions claimed when none does. */
  public DocumentFormat claimingOrThrow(String path) {
    return claiming(path).orElseThrow(() -> new IllegalArgumentException("no app's document format claims " + path
        + "; the formats claim " + all.stream().flatMap(f -> f.extensions().stream()).map(e -> "." + e).distinct().toList()));
  }

  /** The format for a document of this kind at this path; throws when no app offers one. */
  public DocumentFormat forPath(String path, DocumentFormat.Kind kind) {
    return all.stream().filter(f -> f.kind() == kind && f.claims(path)).findFirst()
        .or(() -> all.stream().filter(f -> f.kind() == kind).findFirst())
        .orElseThrow(() -> new IllegalStateException("no app offers a " + kind.words() + " format to handle " + path));
  }
}
