package org.envelopelab.scenario.script;

import org.envelopelab.scenario.script.World.Person;
import org.envelopelab.scenario.script.World.Provider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DefaultWorldTest {

    @Test
    void theDefaultWorldIsContosoWithItsProvidersAndPeople() {
        World world = DefaultWorld.get();

        assertThat(world.organization().name()).isEqualTo("Contoso");
        assertThat(world.organization().domain()).isEqualTo("contoso.example");
        assertThat(world.organization().users()).containsExactly(
                new Person("alice", "Alice Adams", "alice@contoso.example", null),
                new Person("bob", "Bob Brown", "bob@contoso.example", null));
        assertThat(world.providers()).containsExactly(
                new Provider("Outlook.com", "outlook.example", "outlook"),
                new Provider("Gmail", "gmail.example", "gmail"),
                new Provider("Yahoo Mail", "yahoo.example", "yahoo"),
                new Provider("Fabrikam Law", "fabrikam.example", "organization"));
        assertThat(world.people()).containsExactly(
                new Person("carol", "Carol Chen", "carol@gmail.example", null),
                new Person("dave", "Dave Diaz", "dave@yahoo.example", null),
                new Person("erin", "Erin Evans", "erin@outlook.example", null),
                new Person("frank", "Frank Fischer", "frank@fabrikam.example", null));
    }

    @Test
    void theDefaultWorldIsReadOnce() {
        assertThat(DefaultWorld.get()).isSameAs(DefaultWorld.get());
    }
}
