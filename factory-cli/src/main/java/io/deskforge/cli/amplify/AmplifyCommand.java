package io.deskforge.cli.amplify;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "amplify", mixinStandardHelpOptions = true,
    subcommands = {CommandLine.HelpCommand.class, ComposeCommand.class, VariantsCommand.class},
    description = {"Makes more families from verified ones. Every family made here is a family file like any other:",
        "nothing it yields is trusted until `deskforge generate --families DIR` has audited its tasks in fresh desktops."})
public final class AmplifyCommand {}
