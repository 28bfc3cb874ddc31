package io.deskforge.apps.dokuwiki;

import io.deskforge.apps.family.SeededFamily;
import io.deskforge.apps.family.TaskDraw;
import io.deskforge.task.action.Action;
import io.deskforge.task.spec.Checker;
import io.deskforge.task.spec.Fact;
import io.deskforge.task.spec.Getter;
import io.deskforge.task.spec.Metric;
import io.deskforge.task.spec.SetupStep;
import io.deskforge.task.spec.TaskSpec;
import java.util.List;
import java.util.Map;

/**
 * Delete a wiki page (DokuWiki deletes a page saved empty). Checked in the page files: the page's
 * file is gone, and the page Chromium shows, whose name differs by one word, still holds its text.
 */
final class DeletePage extends SeededFamily {
  static final String ID = "dokuwiki.delete-page";

  DeletePage() {
    super(ID, DokuWiki.NAME, "delete a wiki page, keeping the others",
        List.of(
            "Delete the page {page} from the team wiki. The page {other} stays.",
            "The wiki page {page} is obsolete, unlike {other}. Remove {page} from the wiki.",
            "Please get rid of the wiki page named {page}; leave {other} and the other pages alone.",
            "Chromium shows the wiki page {other}. Delete the page {page}, not this one."));
  }

  @Override
  public TaskSpec sample(long seed) {
    TaskDraw d = draw(seed);
    List<String> ids = Wiki.pageIds(d, 2);
    String page = ids.get(0);
    String other = ids.get(1);
    String text = Wiki.text(d, d.between(2, 4), List.of());
    String otherText = Wiki.text(d, d.between(2, 4), List.of());
    String path = DokuWiki.pagePath(page);
    String otherPath = DokuWiki.pagePath(other);
    String instruction = instruction(d, Map.of("page", page, "other", other));

    return task(seed)
        .param("page", page).param("start_page", other)
        .instruction(instruction)
        .fact(Fact.inInstruction("page", page))
        .fact(Fact.inFile("other_text", otherText, otherPath))
        .setup(Wiki.write(page, text))
        .setup(Wiki.write(other, otherText))
        .setup(new SetupStep.Launch(DokuWiki.NAME, List.of(other)))
        .checker(Checker.all(
            Checker.check(new Getter.FileExists(path, null), new Metric.IsFalse()),
            Checker.check(new Getter.FileText(otherPath), new Metric.EqualsText(otherText, true, false))))
        .solution("the page's editor, all its text deleted, Alt+Shift+S", delete(other, page))
        .negative("wrong-page", "deletes the page Chromium shows instead", delete(other, other))
        .negative("preview-only", "deletes the page's text and previews it, never saving",
            WikiGui.concat(CreatePage.start(other), WikiGui.edit(page), List.of(Action.key("ctrl+a"), Action.key("Delete")),
                WikiGui.preview(page)))
        .negative("both", "deletes the page and the page Chromium shows", WikiGui.concat(delete(other, page),
            WikiGui.edit(other), List.of(Action.key("ctrl+a"), Action.key("Delete")), WikiGui.save(other)))
        .build();
  }

  static List<Action> delete(String start, String page) {
    return WikiGui.concat(CreatePage.start(start), WikiGui.edit(page), List.of(Action.key("ctrl+a"), Action.key("Delete")),
        WikiGui.save(page));
  }
}
