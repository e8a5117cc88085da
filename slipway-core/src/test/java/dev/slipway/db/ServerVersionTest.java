package dev.slipway.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServerVersionTest {
    @Test
    void readsModernVersionNumbers() {
        ServerVersion version = ServerVersion.ofNum(150018);

        assertThat(version).isEqualTo(new ServerVersion(15, 18, 150018));
        assertThat(version).hasToString("15.18");
        assertThat(version.atLeast(15)).isTrue();
        assertThat(version.atLeast(16)).isFalse();
    }

    @Test
    void readsPreTenVersionNumbers() {
        assertThat(ServerVersion.ofNum(90624)).hasToString("9.6.24")
                .isEqualTo(new ServerVersion(9, 6, 90624));
    }

    @Test
    void ordersByVersionNumber() {
        assertThat(ServerVersion.ofNum(120022)).isLessThan(ServerVersion.ofNum(170006));
    }

    @Test
    void rejectsPartsThatDisagreeWithTheNumber() {
        assertThatThrownBy(() -> new ServerVersion(15, 2, 160002)).isInstanceOf(IllegalArgumentException.class);
    }
}
