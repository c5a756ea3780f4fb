package io.github.netpol.load;

import org.junit.jupiter.api.Test;

import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

import static org.assertj.core.api.Assertions.assertThat;

/** A failed read is told in words, never by repeating the absolute path the message already names relatively. */
class IoReasonTest {

    @Test
    void theReasonLeavesThePathOut() {
        assertThat(IoReason.of(new AccessDeniedException("/home/me/shop/src/main/kubernetes/f.yaml")))
                .isEqualTo("permission denied");
        assertThat(IoReason.of(new NoSuchFileException("/home/me/shop/f.yaml"))).isEqualTo("no such file");
        assertThat(IoReason.of(new FileSystemException("/home/me/shop/f.yaml", null, "Input/output error")))
                .isEqualTo("Input/output error");
        assertThat(IoReason.of(new MalformedInputException(1))).isEqualTo("it is not UTF-8 text");
    }
}
