package io.github.netpol.maven;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StageTimesTest {

    @Test
    void oneLineNamesEveryStageInOrderWithTheTotal() {
        StageTimes times = new StageTimes("check");
        times.mark("sources");
        times.mark("compare");
        List<String> lines = new ArrayList<>();
        times.log(lines::add);
        assertThat(lines).singleElement().asString()
                .matches("netpol: check stages: sources \\d+ ms, compare \\d+ ms; total \\d+ ms");
    }
}
