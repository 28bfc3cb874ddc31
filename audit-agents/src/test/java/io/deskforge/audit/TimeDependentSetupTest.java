package io.deskforge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskforge.audit.evidence.EvidenceSink;
import io.deskforge.audit.replay.ReplayAuditor;

import org.junit.jupiter.api.Timeout;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A setup whose result depends on the date or the time zone is not deterministic, even when the
 * audit's desktops run minutes apart on one day in one zone: one of them lives at another date
 * in another zone.
 */
@Timeout(value = 240, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TimeDependentSetupTest extends SandboxReplay {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "today.txt | date +%F > /home/user/today.txt",
      "zone.txt | date +%Z > /home/user/zone.txt",
      "year.txt | python3 -c 'import time; print(time.strftime(\"%Y\"))' > /home/user/year.txt"})
  void aSetupThatWritesTheDateOrTheZoneIsRejectedAsNotDeterministic(String file, String command) {
    ReplayAuditor.Outcome o = replay.replay(BrokenFamilies.setupRunningFirst(21, command), EvidenceSink.none());
    assertThat(o.proved()).isFalse();
    assertThat(o.reasons()).singleElement().asString().contains("not deterministic").contains("~/" + file);
  }
}
