package io.deskforge.apps.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.apps.AppCatalog;
import io.deskforge.task.check.Reading;
import io.deskforge.task.spec.Getter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The json_value and sqlite_query getters on files written the way Chromium writes its profile:
 * Preferences as one line of JSON, Bookmarks as indented JSON with a checksum, History as a SQLite
 * database with Chromium's urls table, in rollback-journal mode. What is missing reads as absent;
 * what is torn or not what it claims reads as unreadable, so a check on it fails.
 */
class StateFileGettersTest {
  @TempDir Path dir;
  final GetterReader reader = new GetterReader(AppCatalog.load().formats());

  static final String PREFERENCES = "{\"browser\":{\"show_home_button\":true,\"window_placement\":{\"maximized\":true}},"
      + "\"enable_do_not_track\":false,\"homepage\":\"https://www.debian.org/lantern\",\"homepage_is_newtabpage\":false,"
      + "\"session\":{\"restore_on_startup\":4,\"startup_urls\":[\"https://github.com/explore\"]},\"partition\":{\"default_zoom_level\":{\"x\":1.2239010857415449}}}";

  static final String BOOKMARKS = """
      {
         "checksum": "5c2e1f0b7a9d4c3e2f1a0b9c8d7e6f5a",
         "roots": {
            "bookmark_bar": {
               "children": [ {
                  "date_added": "13440803845401488",
                  "date_last_used": "0",
                  "guid": "ff83d616-2efa-495f-a5af-43ed596b15c1",
                  "id": "5",
                  "meta_info": {
                     "power_bookmark_meta": ""
                  },
                  "name": "Quaint stove",
                  "type": "url",
                  "url": "file:///home/user/sites/hammer-spider/garden-journal.html"
               } ],
               "date_added": "13440803843993250",
               "date_last_used": "0",
               "date_modified": "13440803847474388",
               "guid": "0bc5d13f-2cba-5d74-951f-3f233fe6c908",
               "id": "1",
               "name": "Bookmarks bar",
               "type": "folder"
            },
            "other": {
               "children": [  ],
               "date_added": "13440803843993256",
               "date_last_used": "0",
               "date_modified": "0",
               "guid": "82b081ec-3dd3-529c-8475-ab6c344590dd",
               "id": "2",
               "name": "Other bookmarks",
               "type": "folder"
            }
         },
         "version": 1
      }
      """;

  private String write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p.toString();
  }

  private Reading read(Getter g) {
    return reader.read(HostSavedState.withoutCommands(), g);
  }

  @Test
  void aBooleanPreferenceReadsAsAFlagAndAStringAsText() throws IOException {
    String prefs = write("Preferences", PREFERENCES);
    assertThat(read(new Getter.JsonValue(prefs, "/browser/show_home_button")).flag()).isTrue();
    assertThat(read(new Getter.JsonValue(prefs, "/homepage_is_newtabpage")).flag()).isFalse();
    assertThat(read(new Getter.JsonValue(prefs, "/homepage")).text()).isEqualTo("https://www.debian.org/lantern");
  }

  @Test
  void aNumberReadsAsItsJsonTextAndAListOfStringsAsItems() throws IOException {
    String prefs = write("Preferences", PREFERENCES);
    assertThat(read(new Getter.JsonValue(prefs, "/session/restore_on_startup")).text()).isEqualTo("4");
    assertThat(read(new Getter.JsonValue(prefs, "/session/startup_urls")).items()).containsExactly("https://github.com/explore");
    assertThat(read(new Getter.JsonValue(prefs, "/partition/default_zoom_level/x")).text()).isEqualTo("1.2239010857415449");
  }

  @Test
  void aBookmarkIsReadByItsPlaceInTheFolder() throws IOException {
    String bookmarks = write("Bookmarks", BOOKMARKS);
    assertThat(read(new Getter.JsonValue(bookmarks, "/roots/bookmark_bar/children/0/name")).text()).isEqualTo("Quaint stove");
    assertThat(read(new Getter.JsonValue(bookmarks, "/roots/bookmark_bar/children/0/url")).text())
        .isEqualTo("file:///home/user/sites/hammer-spider/garden-journal.html");
    assertThat(read(new Getter.JsonValue(bookmarks, "/roots/other/children/0/name")).present()).isFalse();
  }

  @Test
  void aSettingNeverChangedIsAbsentAsIsAProfileNotWrittenYet() throws IOException {
    String prefs = write("Preferences", PREFERENCES);
    assertThat(read(new Getter.JsonValue(prefs, "/enable_referrers")).present()).isFalse();
    Reading none = read(new Getter.JsonValue(dir.resolve("Bookmarks").toString(), "/roots/bookmark_bar/children/0/name"));
    assertThat(none.present()).isFalse();
    assertThat(none.unreadable()).isNull();
  }

  @Test
  void aPreferencesFileCutOffMidWriteIsUnreadable() throws IOException {
    String prefs = write("Preferences", PREFERENCES.substring(0, PREFERENCES.length() / 2));
    Reading r = read(new Getter.JsonValue(prefs, "/homepage"));
    assertThat(r.present()).isFalse();
    assertThat(r.unreadable()).contains("not JSON");
  }

  @Test
  void aLinkInPlaceOfTheProfileFileIsUnreadable() throws IOException {
    String target = write("elsewhere.json", PREFERENCES);
    Path link = Files.createSymbolicLink(dir.resolve("Preferences"), Path.of(target));
    Reading r = read(new Getter.JsonValue(link.toString(), "/homepage"));
    assertThat(r.present()).isFalse();
    assertThat(r.unreadable()).isNotNull();
  }

  private String history(String... visited) throws Exception {
    Path db = dir.resolve("History");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode=DELETE");
      s.execute("CREATE TABLE urls(id INTEGER PRIMARY KEY AUTOINCREMENT,url LONGVARCHAR,title LONGVARCHAR,visit_count INTEGER DEFAULT 0 NOT NULL,"
          + "typed_count INTEGER DEFAULT 0 NOT NULL,last_visit_time INTEGER NOT NULL,hidden INTEGER DEFAULT 0 NOT NULL)");
      s.execute("INSERT INTO urls(url,title,visit_count,typed_count,last_visit_time) VALUES "
          + "('file:///home/user/sites/a/start.html','Start',1,0,13440803845401488)");
      for (String v : visited) {
        s.execute("INSERT INTO urls(url,title,visit_count,typed_count,last_visit_time) VALUES ('" + v + "','Page',1,1,13440803845401999)");
      }
    }
    return db.toString();
  }

  @Test
  void aHistoryQueryWithOneColumnReadsAsItems() throws Exception {
    String db = history("file:///home/user/sites/a/tea.html", "file:///home/user/sites/a/bike.html");
    Reading r = read(new Getter.SqliteQuery(db, "SELECT url FROM urls WHERE typed_count > 0 ORDER BY url"));
    assertThat(r.items()).containsExactly("file:///home/user/sites/a/bike.html", "file:///home/user/sites/a/tea.html");
  }

  @Test
  void aHistoryQueryWithMoreColumnsReadsAsRows() throws Exception {
    String db = history("file:///home/user/sites/a/tea.html");
    Reading r = read(new Getter.SqliteQuery(db, "SELECT title, visit_count FROM urls ORDER BY id"));
    assertThat(r.rows()).containsExactly(List.of("Start", "1"), List.of("Page", "1"));
  }

  @Test
  void theQueryRunsOnACopySoTheDatabaseIsNeverChanged() throws Exception {
    String db = history("file:///home/user/sites/a/tea.html");
    byte[] before = Files.readAllBytes(Path.of(db));
    Reading r = read(new Getter.SqliteQuery(db, "DELETE FROM urls"));
    assertThat(r.unreadable()).isNotNull();
    assertThat(Files.readAllBytes(Path.of(db))).isEqualTo(before);
  }

  @Test
  void aHistoryFileThatIsNoDatabaseOrLacksTheTableIsUnreadable() throws Exception {
    String garbage = write("History", "SQLite format 3\0 but torn after the header");
    assertThat(read(new Getter.SqliteQuery(garbage, "SELECT url FROM urls")).unreadable()).isNotNull();
    Files.delete(Path.of(garbage));
    String db = history();
    assertThat(read(new Getter.SqliteQuery(db, "SELECT url FROM visits_that_do_not_exist")).unreadable()).contains("SQLite");
  }

  @Test
  void aMissingHistoryIsAbsent() {
    Reading r = read(new Getter.SqliteQuery(dir.resolve("History").toString(), "SELECT url FROM urls"));
    assertThat(r.present()).isFalse();
    assertThat(r.unreadable()).isNull();
  }
}
