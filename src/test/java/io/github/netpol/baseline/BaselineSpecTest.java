package io.github.netpol.baseline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaselineSpecTest {

    @Test
    void parsesEveryForm() {
        assertThat(BaselineSpec.parse("auto")).isEqualTo(new BaselineSpec.Auto());
        assertThat(BaselineSpec.parse(" ")).isEqualTo(new BaselineSpec.Auto());
        assertThat(BaselineSpec.parse("none")).isEqualTo(new BaselineSpec.None());
        assertThat(BaselineSpec.parse("release")).isEqualTo(new BaselineSpec.Release(null));
        assertThat(BaselineSpec.parse("release:1.2.0")).isEqualTo(new BaselineSpec.Release("1.2.0"));
        assertThat(BaselineSpec.parse("git:v1.0.0")).isEqualTo(new BaselineSpec.Git("v1.0.0"));
        assertThat(BaselineSpec.parse("git:tag")).matches(s -> ((BaselineSpec.Git) s).newestTag());
        assertThat(BaselineSpec.parse("git:origin/main")).isEqualTo(new BaselineSpec.Git("origin/main"));
        assertThat(BaselineSpec.parse("dir:../old")).isEqualTo(new BaselineSpec.Dir("../old"));
        assertThat(BaselineSpec.parse("release:1.2.0").toString()).isEqualTo("release:1.2.0");
    }

    @Test
    void rejectsWhatItDoesNotKnowListingTheForms() {
        assertThatThrownBy(() -> BaselineSpec.parse("svn:trunk"))
                .hasMessageContaining("'svn:trunk'").hasMessageContaining(BaselineSpec.FORMS);
        assertThatThrownBy(() -> BaselineSpec.parse("git:")).hasMessageContaining("git:");
    }
}
