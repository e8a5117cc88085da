package dev.slipway.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Which definitions name which objects: the test that orders views and finds what a rebuild must drop. */
class MentionsTest {
    @Test
    void aQualifiedNameCountsOnlyAsAWholeName() {
        assertThat(Mentions.names("SELECT o.id FROM app.orders o", "app.orders")).isTrue();
        assertThat(Mentions.names("SELECT app.orders.id FROM app.orders", "app.orders")).isTrue();
        assertThat(Mentions.names("(app.orders)", "app.orders")).isTrue();
        assertThat(Mentions.names("app.orders", "app.orders")).isTrue();
        assertThat(Mentions.names("SELECT * FROM app.orders_2", "app.orders")).isFalse();
        assertThat(Mentions.names("SELECT * FROM x.app.orders", "app.orders")).isFalse();
        assertThat(Mentions.names("SELECT * FROM myapp.orders", "app.orders")).isFalse();
        assertThat(Mentions.names("SELECT * FROM \"app.orders\"", "app.orders")).isFalse();
        assertThat(Mentions.names("SELECT * FROM app.orders$x", "app.orders")).isFalse();
        assertThat(Mentions.names("SELECT * FROM app.orders_2, app.orders", "app.orders"))
                .as("a later whole occurrence after a longer name").isTrue();
        assertThat(Mentions.names("SELECT * FROM \"My App\".\"Orders\"", "\"My App\".\"Orders\"")).isTrue();
        assertThat(Mentions.names(null, "app.orders")).isFalse();
    }

    @Test
    void viewsAreOrderedAfterTheViewsTheyName() {
        View top = view("app.top", "SELECT * FROM app.middle");
        View middle = view("app.middle", "SELECT * FROM app.bottom");
        View bottom = view("app.bottom", "SELECT 1");
        View alone = view("app.alone", "SELECT * FROM app.bottom_2");

        assertThat(Mentions.inDependencyOrder(List.of(top, alone, middle, bottom)))
                .extracting(View::name).containsExactly("app.bottom", "app.middle", "app.top", "app.alone");
    }

    /** The search gives what the whole-name pattern it replaced gives, on texts made of name-like pieces. */
    @Property(tries = 2000)
    void findsWhatTheWholeNamePatternFinds(@ForAll("texts") String text, @ForAll("names") String name) {
        boolean pattern = Pattern.compile("(?<![\\w.\"$])" + Pattern.quote(name) + "(?![\\w\"$])").matcher(text)
                .find();
        assertThat(Mentions.names(text, name)).as("%s in %s", name, text).isEqualTo(pattern);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of("app.orders", "a.b", "\"A b\".c", "s.t$1", "x");
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of("app.orders", "a.b", "\"A b\".c", "s.t$1", "x", ".", " ", "_", "\"", "$", "(", "é",
                "orders", "app", "9", ",").list().ofMaxSize(8).map(parts -> String.join("", parts));
    }

    private static View view(String name, String definition) {
        int dot = name.indexOf('.');
        return new View(name.substring(0, dot), name.substring(dot + 1), false, definition, List.of(), List.of(),
                List.of(), List.of(), null, List.of());
    }
}
