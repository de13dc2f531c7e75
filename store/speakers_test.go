package store

import "testing"

func TestSpeakers(t *testing.T) {
	s := New()
	a := parseOne(t, "a.txt", "A\n\n“We will win this fight together,” said Vladimir Putin. “It is certain and it is near,” Putin added.\n\n“Nobody believes that at all here,” said Jane Roe.")
	b := parseOne(t, "b.txt", "B\n\n“The talks went well in the end,” Putin said.\n\n“Words of another person entirely,” said Ann Lee.")
	s.Add(a, b)
	sp := s.Speakers()
	if len(sp) != 3 || sp[0].Name != "Vladimir Putin" || len(sp[0].Quotes) != 3 {
		t.Fatalf("speakers = %+v", sp)
	}
	if sp[1].Name != "Ann Lee" || sp[2].Name != "Jane Roe" {
		t.Errorf("ties not by name: %s, %s", sp[1].Name, sp[2].Name)
	}
	last := sp[0].Quotes[2]
	if last.Article != b || a.Quotes[0].Speaker != "Vladimir Putin" {
		t.Errorf("quotes not in article order: %+v", sp[0].Quotes)
	}
}

func TestSpeakersNamedBeforeDescribed(t *testing.T) {
	s := New()
	a := parseOne(t, "a.txt", "A\n\n“We will win this fight together,” a spokesman said.\n\n“It is certain and it is near,” a spokesman added.\n\n“Nobody believes that at all here,” said Jane Roe.")
	b := parseOne(t, "b.txt", "B\n\n“The talks went well in the end,” a spokesman said.")
	s.Add(a, b)
	sp := s.Speakers()
	if len(sp) != 2 || sp[0].Name != "Jane Roe" || sp[1].Name != "a spokesman" || len(sp[1].Quotes) != 3 {
		t.Fatalf("speakers = %+v", sp)
	}
	if sp[0].Described() || !sp[1].Described() {
		t.Errorf("Described: %s %v, %s %v", sp[0].Name, sp[0].Described(), sp[1].Name, sp[1].Described())
	}
}
