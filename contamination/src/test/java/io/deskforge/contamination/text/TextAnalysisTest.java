package io.deskforge.contamination.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the lexical rules compare, computed from one text: words, templates, n-grams, shingles. */
class TextAnalysisTest {

  @Test
  void placeholdersAreWordsAndBracketsThatAreNotPlaceholdersAreNot() {
    assertThat(Normalizer.words("fill <q> and <n> now")).containsExactly("fill", "<q>", "and", "<n>", "now");
    assertThat(Normalizer.words("a <> b <ab c <x1> d")).containsExactly("a", "b", "ab", "c", "x1", "d");
    assertThat(Normalizer.words("tail <q")).containsExactly("tail", "q");
    assertThat(Normalizer.words("")).isEmpty();
    assertThat(Normalizer.words("Ⅻ chapters, ½ done")).containsExactly("xii", "chapters", "1", "2", "done");
  }

  @Test
  void typographicQuotesBecomePlainOnes() {
    assertThat(Normalizer.plainQuotes("\u2018a\u2019 \u201Cb\u201D \u00ABc\u00BB")).isEqualTo("'a' \"b\" \"c\"");
    assertThat(Normalizer.fold("Ｒｅｐｏｒｔ “X”")).isEqualTo("report \"x\"");
  }

  @Test
  void theLongestFillerPhraseIsDroppedWholeAndAPartialOneIsKept() {
    assertThat(Normalizer.core(Normalizer.words("I would like you to sort the list"))).containsExactly("sort", "the", "list");
    assertThat(Normalizer.core(Normalizer.words("I would sort the list"))).containsExactly("i", "would", "sort", "the", "list");
    assertThat(Normalizer.core(Normalizer.words("sort the list can"))).containsExactly("sort", "the", "list", "can");
    assertThat(Normalizer.core(Normalizer.words("sort it for"))).containsExactly("sort", "it", "for");
  }

  @Test
  void aTemplateFormMergesRunsOfOnePlaceholderAndCountsItsWords() {
    TemplateForm f = TemplateForm.of("Rename 'a.txt' to 'b.txt' in /home/user/docs please",
        ValueSpan.find("Rename 'a.txt' to 'b.txt' in /home/user/docs please"));
    assertThat(f.key()).isEqualTo("rename <f> to <f> in <f>");
    assertThat(f.literals()).isEqualTo(3);
    assertThat(f.placeholders()).isEqualTo(3);
    TemplateForm two = TemplateForm.of("Sum 3 4 now", List.of(
        new ValueSpan(ValueSpan.Kind.NUMBER, 4, 5, "3"), new ValueSpan(ValueSpan.Kind.NUMBER, 6, 7, "4")));
    assertThat(two.words()).containsExactly("sum", "<n>", "now");
    assertThat(two.placeholders()).isEqualTo(1);
    TemplateForm lead = TemplateForm.of("3 apples", List.of(new ValueSpan(ValueSpan.Kind.NUMBER, 0, 1, "3")));
    assertThat(lead.words()).containsExactly("<n>", "apples");
  }

  @Test
  void hashingIsStableAndWordRunsHashAsTheirJoinedText() {
    assertThat(Hashes.hash("open the file")).isEqualTo(Hashes.hash(List.of("open", "the", "file"), 0, 3));
    assertThat(Hashes.hash(List.of("x", "open", "the"), 1, 3)).isEqualTo(Hashes.hash("open the"));
    assertThat(Hashes.hash("ab")).isNotEqualTo(Hashes.hash("ba"));
    assertThat(Hashes.hash(List.of("a", "b"), 0, 2)).isNotEqualTo(Hashes.hash("ab"));
    // fixed values: signatures stored in an index must stay comparable with later ones
    assertThat(Hashes.hash("")).isEqualTo(Hashes.mix(0xcbf29ce484222325L));
    assertThat(Hashes.mix(0)).isZero();
    assertThat(Hashes.mix(1)).isNotEqualTo(1).isNotEqualTo(Hashes.mix(2));
  }

  @Test
  void nGramsAreTheRunsOfCoreWordsOfThatLength() {
    String thirteen = "one two three four five six seven eight nine ten eleven twelve thirteen";
    TextAnalysis a = TextAnalysis.of(thirteen);
    assertThat(a.ngrams13()).hasSize(1).containsExactly(Hashes.hash(thirteen));
    assertThat(a.ngrams8()).hasSize(6).contains(Hashes.hash("one two three four five six seven eight"),
        Hashes.hash("six seven eight nine ten eleven twelve thirteen"));
    assertThat(a.fewest8gramsIn13gram()).isEqualTo(6);
    TextAnalysis shorter = TextAnalysis.of("one two three four five six seven");
    assertThat(shorter.ngrams8()).isEmpty();
    assertThat(shorter.ngrams13()).isEmpty();
    assertThat(TextAnalysis.of("one two three four five six seven eight").ngrams8()).hasSize(1);
  }

  @Test
  void repeatedWordsGiveFewerDistinctRuns() {
    TextAnalysis a = TextAnalysis.of("a b a b a b a b a b a b a b");
    assertThat(a.ngrams8()).hasSize(2);
    assertThat(a.fewest8gramsIn13gram()).isEqualTo(2);
    assertThat(TextAnalysis.fewestDistinct(new long[] {1, 2, 3}, 6)).isEqualTo(6);
    assertThat(TextAnalysis.fewestDistinct(new long[] {1, 1, 2, 2}, 2)).isEqualTo(1);
    assertThat(TextAnalysis.fewestDistinct(new long[] {1, 2, 1, 2}, 3)).isEqualTo(2);
  }

  @Test
  void shinglesAreUnigramsAndBigramsDistinctAndSorted() {
    long[] s = TextAnalysis.shingles(List.of("open", "the", "open", "the"));
    assertThat(s).hasSize(4) // open, the, "open the", "the open"
        .contains(Hashes.hash("open"), Hashes.hash("the"), Hashes.hash("open the") ^ 0x5bd1e995L,
            Hashes.hash("the open") ^ 0x5bd1e995L);
    assertThat(s).isSorted();
    assertThat(TextAnalysis.shingles(List.of("x"))).containsExactly(Hashes.hash("x"));
    assertThat(TextAnalysis.shingles(List.of())).isEmpty();
  }

  @Test
  void exactJaccardOfSortedShingleSets() {
    assertThat(TextAnalysis.jaccard(new long[] {1, 2, 3}, new long[] {2, 3, 4})).isEqualTo(0.5);
    assertThat(TextAnalysis.jaccard(new long[] {1, 5}, new long[] {2, 3, 4, 5})).isEqualTo(0.2);
    assertThat(TextAnalysis.jaccard(new long[] {1, 2}, new long[] {1, 2})).isEqualTo(1.0);
    assertThat(TextAnalysis.jaccard(new long[] {}, new long[] {})).isZero();
    assertThat(TextAnalysis.jaccard(new long[] {}, new long[] {1})).isZero();
  }

  @Test
  void aTextWithoutWordsHasNothingToMatch() {
    TextAnalysis none = TextAnalysis.of("?! ...");
    assertThat(none.hasWords()).isFalse();
    assertThat(none.shingles()).isEmpty();
    assertThat(none.minhash()).containsOnly(-1);
    assertThat(TextAnalysis.of("go").hasWords()).isTrue();
    assertThat(TextAnalysis.of("Open  the FILE!").normalized()).isEqualTo("open the file");
  }

  @Test
  void theValuesKeyListsExactValuesSortedAndLeavesNamesOut() {
    String a = TextAnalysis.of("In 'notes.txt' replace 'apple' with 'pear' for Alice").valuesKey();
    String b = TextAnalysis.of("Replace 'apple' with 'pear' in 'notes.txt' for Bob").valuesKey();
    assertThat(a).isEqualTo(b).isNotEmpty();
    assertThat(a.split("\u001f")).isSorted().hasSize(3);
    assertThat(TextAnalysis.of("Ask Alice").valuesKey()).isEmpty();
  }

  @Test
  void hashesSignaturesAndBandsKeepTheirValuesSoStoredIndexesStayComparable() {
    // an index built once is checked against for months: a changed hash would silently miss its items
    assertThat(Hashes.hash("open the file")).isEqualTo(-8623070561896680737L);
    int[] sig = MinHash.signature(new long[] {1L, 2L, 3L, Hashes.hash("open")});
    assertThat(new int[] {sig[0], sig[1], sig[2], sig[127]}).containsExactly(636722897, 352352172, 1126204474, 671542263);
    long[] bands = MinHash.bands(sig);
    assertThat(bands).hasSize(MinHash.BANDS);
    assertThat(bands[0]).isEqualTo(2833451952509017977L);
    assertThat(bands[31]).isEqualTo(-6266230364569473156L);
    assertThat(MinHash.signature(new long[0])).hasSize(MinHash.SLOTS).containsOnly(-1);
  }

  @Test
  void oppositeActionsAreSeenInTheirInflectedForms() {
    assertThat(OppositeActions.forms("enable")).contains("enable", "enables", "enabled", "enabling");
    assertThat(OppositeActions.forms("add")).contains("adds", "added", "adding", "addded");
    assertThat(OppositeActions.forms("stop")).contains("stopped", "stopping");
    assertThat(OppositeActions.conflict(Normalizer.words("disabling the dark mode"), Normalizer.words("enabled the dark mode"))).isTrue();
    assertThat(OppositeActions.conflict(Normalizer.words("zoom in on the map"), Normalizer.words("zoom out on the map"))).isTrue();
    assertThat(OppositeActions.conflict(Normalizer.words("log in to the site"), Normalizer.words("log out of the site"))).isFalse();
  }

  @Test
  void namesAreCapitalisedRunsButNotASentencesFirstWordOrThePronounI() {
    assertThat(ValueSpan.find("Send it to Alice Smith today")).singleElement()
        .satisfies(v -> {
          assertThat(v.kind()).isEqualTo(ValueSpan.Kind.NAME);
          assertThat(v.value()).isEqualTo("alice smith");
        });
    assertThat(ValueSpan.find("Open the file. Then close it")).isEmpty();
    assertThat(ValueSpan.find("I think I'd like Paris")).extracting(ValueSpan::value).containsExactly("paris");
    assertThat(ValueSpan.find("LibreOffice should open it")).extracting(ValueSpan::value).containsExactly("libreoffice");
    assertThat(ValueSpan.find("Then Bob Jones calls")).extracting(ValueSpan::value).containsExactly("bob jones");
    assertThat(ValueSpan.find("(Alice) waves")).isEmpty();
    assertThat(ValueSpan.Kind.NAME.exact()).isFalse();
    assertThat(ValueSpan.Kind.CELL.exact()).isTrue();
  }

  @Test
  void eachKindOfValueIsFoundOnlyWhereItsMarkIs() {
    assertThat(ValueSpan.find("go to www.example.org now")).extracting(ValueSpan::kind).containsExactly(ValueSpan.Kind.URL);
    assertThat(ValueSpan.find("mail bob@example.org now")).extracting(ValueSpan::kind).containsExactly(ValueSpan.Kind.EMAIL);
    assertThat(ValueSpan.find("look in /srv/data now")).extracting(ValueSpan::kind).containsExactly(ValueSpan.Kind.PATH);
    assertThat(ValueSpan.find("open notes.txt now")).extracting(ValueSpan::kind).containsExactly(ValueSpan.Kind.FILE);
    assertThat(ValueSpan.find("type \"hello\" now")).extracting(ValueSpan::kind).containsExactly(ValueSpan.Kind.QUOTED);
    assertThat(ValueSpan.find("type 'hello' now")).extracting(ValueSpan::kind).containsExactly(ValueSpan.Kind.QUOTED);
    assertThat(ValueSpan.find("fill cell b2 with 7")).extracting(ValueSpan::kind).containsExactly(ValueSpan.Kind.NUMBER);
    assertThat(ValueSpan.find("fill B2 with 7")).extracting(ValueSpan::kind).containsExactly(ValueSpan.Kind.CELL, ValueSpan.Kind.NUMBER);
    assertThat(ValueSpan.find("nothing here at all")).isEmpty();
  }
}
