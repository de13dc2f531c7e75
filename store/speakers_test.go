package store

import (
	"fmt"
	"testing"
)

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
	for name, want := range map[string]bool{"UKIP spokesman": true, "Tony Blair's official spokesman": false, "Alan Spokes": false, "the report": true} {
		if got := (Speaker{Name: name}).Described(); got != want {
			t.Errorf("%q described %v, want %v", name, got, want)
		}
	}
}

// A bare surname goes to the fuller speaker with nine in ten of the quotes.
func TestSpeakersBareSurnameToTheMostQuoted(t *testing.T) {
	s := New()
	var arts []*Article
	for i := range 10 {
		arts = append(arts, parseOne(t, fmt.Sprintf("t%d.txt", i), fmt.Sprintf("T%d\n\n“We will win fight number %d,” said Tony Blair.", i, i)))
	}
	arts = append(arts,
		parseOne(t, "ian.txt", "I\n\n“The streets are safer than they were,” said Ian Blair."),
		parseOne(t, "bare.txt", "B\n\n“I have dealt with this before,” Mr Blair said."),
		parseOne(t, "cherie.txt", "C\n\n“It was a lovely day out,” said Cherie Brown.\n\n“It was not,” said Gordon Brown."),
		parseOne(t, "brown.txt", "D\n\n“Prudence is our watchword,” Mr Brown said."))
	s.Add(arts...)
	got := map[string]int{}
	for _, sp := range s.Speakers() {
		got[sp.Name] = len(sp.Quotes)
	}
	if got["Tony Blair"] != 11 || got["Blair"] != 0 || got["Ian Blair"] != 1 {
		t.Errorf("Blair not counted as Tony Blair: %v", got)
	}
	if got["Brown"] != 1 { // one quote each: no one to stand for
		t.Errorf("Brown merged on too few quotes: %v", got)
	}
}
