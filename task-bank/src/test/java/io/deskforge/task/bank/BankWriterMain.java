package io.deskforge.task.bank;

import io.deskforge.task.SampleTasks;
import io.deskforge.task.spec.TaskSpec;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The child process of {@link KillTest}: records tasks {@code from..to} as a generate run would
 * (evidence written first, then the task), printing each id once its record returned, until it
 * is killed or done. Like a generate run, it first removes the evidence files a killed run left
 * unrecorded; tasks already in the bank are skipped (the generator's own skip is proved by
 * factory-cli's GeneratorTest). Arguments: the bank file, from, to, and the folder its evidence
 * files are staged in, which the parent test owns and removes.
 */
public final class BankWriterMain {
  private BankWriterMain() {}

  public static void main(String[] args) throws Exception {
    Path bankFile = Path.of(args[0]);
    int from = Integer.parseInt(args[1]);
    int to = Integer.parseInt(args[2]);
    Path work = Files.createDirectories(Path.of(args[3])); // the parent's: a killed writer cannot clean up a folder of its own
    try (TaskBank bank = TaskBank.open(bankFile)) {
      bank.removeUnrecordedEvidence();
      System.out.println("open");
      for (int i = from; i < to; i++) {
        TaskSpec task = SampleTasks.replaceWord("w" + i);
        if (bank.verdictOf(task.id()).isPresent()) continue;
        Path start = Files.write(work.resolve("start.png"), ("start of " + i).repeat(200).getBytes());
        Path end = Files.write(work.resolve("end.png"), ("end of " + i).repeat(300).getBytes());
        bank.record(SampleTasks.verified(task, start.toString(), end.toString()));
        System.out.println("recorded " + task.id());
      }
      System.out.println("done");
    }
  }
}
