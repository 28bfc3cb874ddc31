package io.deskforge.audit.statics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A secret value is found in an instruction in the forms people write it, and only there. */
class LeakScanTest {
  @ParameterizedTest(name = "\"{1}\" in \"{0}\"")
  @CsvSource(delimiter = '|', value = {
      "The total is 1,234,567 units.                         | 1234567",
      "The total is 1 234 567.                               | 1234567",
      "It comes to $12,345.50 this month                     | 12345.5",
      "The balance should read −42 after the fix             | -42",
      "Set it to -0.50 exactly                               | -0.5",
      "Write 2,500.00 into the cell                          | 2500",
      "The heaviest is 75kg                                  | 75",
      "Reply with: pear, apple and fig                       | apple, fig, pear",
      "List fig; then apple; then pear                       | pear\\napple\\nfig",
      "The meeting was on 03/12/2026.                        | 2026-03-12",
      "The meeting was on 12.3.2026                          | 2026-03-12",
      "The meeting was on March 12, 2026                     | 2026-03-12",
      "The answer is DOLPHIN                                 | dolphin"})
  void aSecretWrittenInAnyCommonFormIsFound(String instruction, String secret) {
    assertThat(LeakScan.leaks(instruction, secret.replace("\\n", "\n"))).isTrue();
  }

  @ParameterizedTest(name = "\"{1}\" not in \"{0}\"")
  @CsvSource(delimiter = '|', value = {
      "Cell B9 of ~/ladder.gnumeric must show the sum of B2:B8 | 9",
      "Cell B9 of ~/ladder.gnumeric must show the sum of B2:B8 | 8",
      "Count the lines of ~/notes-2.txt into ~/count.txt        | 2",
      "The total is 1,234,568 units.                            | 1234567",
      "The balance should read 42 after the fix                 | -42",
      "Reply with pear and fig                                  | apple, fig, pear",
      "The meeting was on 03/12/2026.                           | 2026-12-03",
      "The dolphins swim                                        | dolphin",
      "Meet at 10:30                                            | 30"})
  void whatIsNotTheSecretIsNotTakenForIt(String instruction, String secret) {
    assertThat(LeakScan.leaks(instruction, secret)).isFalse();
  }
}
