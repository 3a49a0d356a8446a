package gw.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ScratchBench {
    @Test
    void demo() {
        new CommandLine(new DemoCommand(System.err)).execute();
    }
}
