package io.deskforge.creator.amplify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskforge.apps.AppCatalog;
import io.deskforge.apps.family.DataFamily;
import io.deskforge.apps.family.FamilyFiles;
import io.deskforge.creator.diversity.DiversityGate;
import io.deskforge.creator.llm.Fixtures;
import io.deskforge.desktop.DesktopProvider;
import io.deskforge.desktop.DesktopProviders;
import io.deskforge.model.ScriptedChat;
import io.deskforge.task.bank.Creations;
import io.deskforge.task.bank.TaskBank;
import io.deskforge.task.json.TaskJson;
import io.deskforge.task.spec.TaskSpec;
import io.deskforge.task.spec.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Amplification of a verified seed by a scripted cheaper model: a phrasing variant is audited in a
 * fresh sandbox desktop and verified; a "wider ranges" variant that is really a copy of another
 * mousepad family is refused as a near-duplicate naming that family; a reply in prose is invalid.
 * Every request is in the bank under the amplify tier with its tokens and cost.
 */
class AmplifierTest {
  static final String SEED = "mousepad.append-line.data";
  @TempDir Path dir;
  @TempDir Path desktops;

  static DataFamily shipped(String id) {
    return FamilyFiles.shipped().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
  }

  /** The seed with new phrasings, as a cheap model asked for phrasings would send it. */
  static String phrasingVariant() throws Exception {
    ObjectNode f = (ObjectNode) shipped(SEED).file();
    f.remove("$schema");
    f.put("family", SEED + ".phrasings");
    ArrayNode p = f.putArray("phrasings");
    p.add("Please put \"{line}\" on a new last line of {file}, then save the file.");
    p.add("Could you finish {file} with one more line, \"{line}\", and save it?");
    p.add("Open lines end: {file} needs \"{line}\" appended after its final line. Save when done.");
    p.add("Tack the sentence \"{line}\" onto the end of {file} as its own line and save.");
    return TaskJson.write(f);
  }

  /** Another family (type-text) passed off as the seed's "wider ranges" variant. */
  static String copyOfAnotherFamily() throws Exception {
    ObjectNode f = (ObjectNode) shipped("mousepad.type-text.data").file();
    f.remove("$schema");
    f.put("family", SEED + ".ranges");
    return TaskJson.write(f);
  }

  @Test
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void aSeedsVariantsAreGatedAuditedAndCountedPerTier() throws Exception {
    AppCatalog catalog = AppCatalog.load().withFamilies(FamilyFiles.shipped());
    try (ScriptedChat chat = new ScriptedChat(Fixtures.MODEL);
        TaskBank bank = TaskBank.open(dir.resolve("bank.sqlite"));
        DesktopProvider provider = DesktopProviders.create("sandbox");
        Amplifier amplifier = new Amplifier(Fixtures.config(chat).repairs(0).build(), catalog,
            Fixtures.pipeline(bank, provider, desktops), DiversityGate.defaults())) {
      chat.reply(phrasingVariant());
      chat.reply("```json\n" + copyOfAnotherFamily() + "\n```");
      chat.reply("A harder version would need more lines, but I am not sure how to write it.");

      DataFamily seed = shipped(SEED);
      List<Amplifier.Variant> variants = amplifier.amplify(seed, List.of(seed), List.of(Amplifier.Kind.values()), 5, a -> {});

      assertThat(variants).extracting(Amplifier.Variant::kind).containsExactly("phrasings", "ranges", "harder");
      Amplifier.Variant phrasings = variants.get(0), ranges = variants.get(1), harder = variants.get(2);
      assertThat(phrasings.outcome()).as("reasons: %s", phrasings.reasons()).isEqualTo("verified");
      assertThat(ranges.outcome()).isEqualTo("rejected");
      assertThat(ranges.failedStage()).isEqualTo("candidate");
      assertThat(ranges.reasons().get(0)).startsWith("near-duplicate: ").contains("mousepad.type-text");
      assertThat(harder.outcome()).isEqualTo("invalid");

      // the model was shown the seed and asked for the variant's id
      assertThat(Fixtures.text(chat.requests.get(0))).contains("\"family\" : \"" + SEED + "\"").contains(SEED + ".phrasings");
      List<TaskSpec> verified = bank.tasks(Verdict.VERIFIED);
      assertThat(verified).hasSize(1);
      assertThat(verified.get(0).family()).isEqualTo(SEED + ".phrasings");
      assertThat(verified.get(0).provenance().creator()).isEqualTo("amplify");
      assertThat(verified.get(0).audit().provenByReplay()).isTrue();
      assertThat(phrasings.verifiedTaskIds()).containsExactly(verified.get(0).id());
      // the refused copy was never audited: no task of it is in the bank
      assertThat(bank.stats().byFamily()).doesNotContainKey(SEED + ".ranges");

      Creations.CreatorStats tier = bank.creations().stats().get("amplify:" + Fixtures.MODEL);
      assertThat(tier.attempts()).isEqualTo(3);
      assertThat(tier.verifiedTasks()).isEqualTo(1);
      assertThat(tier.promptTokens()).isEqualTo(3000);
      assertThat(tier.costPerVerifiedTask()).isGreaterThan(0);
    }
  }
}
