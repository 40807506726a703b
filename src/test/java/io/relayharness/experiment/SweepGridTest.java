package io.relayharness.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing {@code --param key=v1,v2,...} and the grid's points. */
class SweepGridTest {

  @Test
  void shouldParseOneParameterInOrder() {
    SweepGrid g = SweepGrid.parse(List.of("relay.overrides.default_process_limit=10, 50,100"));
    assertThat(g.keys()).containsExactly("relay.overrides.default_process_limit");
    assertThat(g.points()).extracting(SweepGrid.Point::label).containsExactly("10", "50", "100");
    assertThat(g.points().get(1).sets())
        .containsExactly("relay.overrides.default_process_limit=50");
  }

  @Test
  void shouldMakeEveryCombinationFirstKeySlowest() {
    SweepGrid g = SweepGrid.parse(List.of("relay.overrides.a_limit=1,2", "topology.workers=2,3,4"));
    assertThat(g.points())
        .extracting(SweepGrid.Point::label)
        .containsExactly("1 / 2", "1 / 3", "1 / 4", "2 / 2", "2 / 3", "2 / 4");
    assertThat(g.points().get(4).sets())
        .containsExactly("relay.overrides.a_limit=2", "topology.workers=3");
  }

  @Test
  void shouldNameTheKeyAndValueThatAreWrong() {
    assertThatThrownBy(() -> SweepGrid.parse(List.of("relay.overrides.x=1")))
        .hasMessageContaining("relay.overrides.x")
        .hasMessageContaining("at least two values");
    assertThatThrownBy(() -> SweepGrid.parse(List.of("relay.overrides.x=1,,3")))
        .hasMessageContaining("relay.overrides.x")
        .hasMessageContaining("empty value");
    assertThatThrownBy(() -> SweepGrid.parse(List.of("relay.overrides.x=5,7,5")))
        .hasMessageContaining("relay.overrides.x")
        .hasMessageContaining("'5' is given twice");
    assertThatThrownBy(() -> SweepGrid.parse(List.of("no-equals-sign")))
        .hasMessageContaining("--param 'no-equals-sign'");
    assertThatThrownBy(() -> SweepGrid.parse(List.of("bad key!=1,2")))
        .hasMessageContaining("'bad key!' is not a scenario key");
    assertThatThrownBy(() -> SweepGrid.parse(List.of("a.b=1,2", "a.b=3,4")))
        .hasMessageContaining("a.b: the key is given twice");
    assertThatThrownBy(() -> SweepGrid.parse(List.of("a.b=1,2", "a.c=1,2", "a.d=1,2")))
        .hasMessageContaining("at most 2 settings");
  }
}
