package quotes

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// want is one expected utterance: its words (parts joined by " … ") and speaker.
type want struct {
	text, speaker string
}

func check(t *testing.T, text string, ws ...want) {
	t.Helper()
	got := Extract(text, nil)
	var g []want
	for _, q := range got {
		g = append(g, want{q.Text(text), q.Speaker})
	}
	if len(g) != len(ws) {
		t.Fatalf("%q\n got %d quotes %q\nwant %d %q", text, len(g), g, len(ws), ws)
	}
	for i := range ws {
		if g[i] != ws[i] {
			t.Errorf("%q\nquote %d: got %q, want %q", text, i, g[i], ws[i])
		}
	}
}

func TestMarks(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       []want
	}{
		{"curly", `“We will win the vote,” said Jane Doe.`, []want{{"We will win the vote,", "Jane Doe"}}},
		{"straight", `"We will win the vote," Jane Doe said.`, []want{{"We will win the vote,", "Jane Doe"}}},
		{"nyt doubled apostrophes", `''We will win the vote,'' Mr. Doe said, as Jane Doe had before.`, []want{{"We will win the vote,", "Jane Doe"}}},
		{"single curly", `‘We will win the vote,’ said Jane Doe.`, []want{{"We will win the vote,", "Jane Doe"}}},
		{"single straight", `'We will win the vote,' said Jane Doe.`, []want{{"We will win the vote,", "Jane Doe"}}},
		{"guillemets", `«We will win the vote,» said Jane Doe.`, []want{{"We will win the vote,", "Jane Doe"}}},
		{"reversed guillemets", `»We will win the vote,« said Jane Doe.`, []want{{"We will win the vote,", "Jane Doe"}}},
		{"german low-high", `„We will win the vote“, said Jane Doe.`, []want{{"We will win the vote", "Jane Doe"}}},
		{"corner brackets", `「We will win the vote,」 said Jane Doe.`, []want{{"We will win the vote,", "Jane Doe"}}},
		{"closing mark the wrong way", `“We will win the vote,“ said Jane Doe.`, []want{{"We will win the vote,", "Jane Doe"}}},
		{"opening mark the wrong way", `”We will win the vote,” said Jane Doe.`, []want{{"We will win the vote,", "Jane Doe"}}},
		{"paragraph opening on a closing mark", "” … and then we will win the vote,” Jane Doe wrote.", []want{{"… and then we will win the vote,", "Jane Doe"}}},
		{"mixed straight and curly", `“We will win the vote," said Jane Doe.`, []want{{"We will win the vote,", "Jane Doe"}}},
		{"apostrophes are not marks", `Jones’ team, back in the ’90s, didn't rock ’n’ roll. “We will win the vote,” said Jane Doe.`,
			[]want{{"We will win the vote,", "Jane Doe"}}},
		{"apostrophes inside single quotes", `‘We don’t know the Joneses’ plans yet,’ said Jane Doe.`, []want{{"We don’t know the Joneses’ plans yet,", "Jane Doe"}}},
		{"nested", `“He told me ‘never again’ and then he left,” said Jane Doe.`, []want{{"He told me ‘never again’ and then he left,", "Jane Doe"}}},
		{"double inside single", `‘He told me “never again” and then he left,’ said Jane Doe.`, []want{{"He told me “never again” and then he left,", "Jane Doe"}}},
		{"ellipsis and brackets", `“We will … win [the election] in November,” said Jane Doe.`, []want{{"We will … win [the election] in November,", "Jane Doe"}}},
		{"quote opening on an ellipsis", `Jane Doe said: “…and then we will win the vote.”`, []want{{"…and then we will win the vote.", "Jane Doe"}}},
		{"html tags", `<p>“We will win the vote,” said <b>Jane Doe</b>.</p>`, []want{{"We will win the vote,", "Jane Doe"}}},
		{"marks inside tags", `<a href="http://example.com/x" title="the site">“We will win the vote,” said Jane Doe.</a> <tweet author="@doe">`,
			[]want{{"We will win the vote,", "Jane Doe"}}},
		{"entity-encoded curly", `&ldquo;We will win the vote,&rdquo; said Jane Doe.`, []want{{"We will win the vote,", "Jane Doe"}}},
		{"entity-encoded straight", `&quot;We will win the vote,&quot; said Jane Doe.`, []want{{"We will win the vote,", "Jane Doe"}}},
		{"straight mark opening an excerpt in curly text", "\"Jane Doe defended the “peace for all” plan on Monday. “We will win the vote,” she said.",
			[]want{{"We will win the vote,", "Jane Doe"}}},
		{"doubled curly singles (AP)", `‘‘We will win the vote,’’ Jane Doe said.`, []want{{"We will win the vote,", "Jane Doe"}}},
		{"doubled closing singles after a curly opener", `“We will win the vote,’’ Jane Doe said.`, []want{{"We will win the vote,", "Jane Doe"}}},
		{"inches are not marks", `The 6'2" forward said nothing. "We will win the vote," said Jane Doe.`, []want{{"We will win the vote,", "Jane Doe"}}},
	} {
		t.Run(c.name, func(t *testing.T) { check(t, c.text, c.want...) })
	}
}

func TestUtterances(t *testing.T) {
	t.Run("multi-paragraph", func(t *testing.T) {
		text := "“The first paragraph of the speech runs on.\n“The second one closes it,” said Jane Doe."
		qs := Extract(text, nil)
		if len(qs) != 1 || len(qs[0].Spans) != 2 {
			t.Fatalf("want one quote of two spans, got %+v", qs)
		}
		check(t, text, want{"The first paragraph of the speech runs on. … The second one closes it,", "Jane Doe"})
	})
	t.Run("split by attribution", func(t *testing.T) {
		text := "Jane Doe spoke on Monday. “We will win the vote,” she said, “and then we will govern.”"
		qs := Extract(text, nil)
		if len(qs) != 1 || len(qs[0].Spans) != 2 {
			t.Fatalf("want one quote of two spans, got %+v", qs)
		}
		check(t, text, want{"We will win the vote, … and then we will govern.", "Jane Doe"})
	})
	t.Run("next paragraph run into the line (BBC)", func(t *testing.T) {
		text := `Jane Doe said: "We will win the vote. "Then we will govern." She left.`
		qs := Extract(text, nil)
		if len(qs) != 1 || len(qs[0].Spans) != 2 {
			t.Fatalf("want one quote of two spans, got %+v", qs)
		}
		check(t, text, want{"We will win the vote. … Then we will govern.", "Jane Doe"})
	})
	t.Run("curly next paragraph run into the line", func(t *testing.T) {
		check(t, "Jane Doe said: “We will win the vote. “Then we will govern.” She left.",
			want{"We will win the vote. … Then we will govern.", "Jane Doe"})
	})
	t.Run("a mark inside a sentence still closes", func(t *testing.T) {
		check(t, `"We will win the vote "and govern," Jane Doe said.`, want{"We will win the vote", "Jane Doe"})
	})
	t.Run("a straight mark after a quote runs on in curly text", func(t *testing.T) {
		check(t, "Jane Doe spoke of the “peace” plan. “We will win,” she said. \"Then we will govern.\n\"And we will stay,” Jane Doe said.",
			want{"We will win,", "Jane Doe"}, want{"Then we will govern. … And we will stay,", "Jane Doe"})
	})
	t.Run("unterminated at the end of the text", func(t *testing.T) {
		check(t, `Jane Doe said: “We will win the vote`, want{"We will win the vote", "Jane Doe"})
	})
}

func TestNotSpeech(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       []want
	}{
		{"scare quotes", `The so-called “peace plan” was rejected by the parliament on Monday.`, nil},
		{"a term", `Officials call it the “dissent channel” in Washington.`, nil},
		{"title of a show", `She appeared on “Fox News Sunday” to defend the plan.`, nil},
		{"title of a show before a cue", `“This is the plan,” Jane Doe told “Fox News Sunday.”`, []want{{"This is the plan,", "Jane Doe"}}},
		{"what a thing is called", `When the cause is feathers in a duvet, the illness is called “feather duvet lung.”`, nil},
		{"a slogan quoted again and again", "The state’s new slogan drew attention.\n“Meth. We’re on it.”\nThe governor defended “Meth. We’re on it” on Monday.", nil},
		{"nickname", `Trump called him “Little Marco” during the debate.`, nil},
		{"slogan", `The crowd wore hats reading “Make America Great Again” at the rally.`, nil},
		{"a chant is no title", `Trump walked onto the stage as the crowd chanted “U-S-A! U-S-A!”`, []want{{"U-S-A! U-S-A!", "the crowd"}}},
		{"a word quoted in the writer's sentence", `The Tories dismissed the plan as "desperate", Jane Doe said.`, nil},
		{"two words quoted in the writer's sentence", `Jane Doe said the outages had been “terribly disruptive” all year.`, nil},
		{"a word that is a sentence of its own stays", `Jane Doe ended her speech saying “Enough.”`, []want{{"Enough.", "Jane Doe"}}},
		{"a one-word answer stays", "Jane Doe was asked. “Amazing,” she said.", []want{{"Amazing,", "Jane Doe"}}},
		{"short fragment with a cue stays", `“Absolutely not,” Jane Doe said.`, []want{{"Absolutely not,", "Jane Doe"}}},
		{"short first-person quote without a cue stays", `Jane Doe was asked about the plan. “Neither do I.”`, []want{{"Neither do I.", "Jane Doe"}}},
		{"short exclamation with a cue stays", `“Lock her up!” the crowd chanted.`, []want{{"Lock her up!", "the crowd"}}},
	} {
		t.Run(c.name, func(t *testing.T) { check(t, c.text, c.want...) })
	}
}

func TestSpeakers(t *testing.T) {
	const q = "“We will win the vote in November,”"
	for _, c := range []struct {
		name, text string
		want       []want
	}{
		{"said", q + " Jane Doe said.", []want{{"We will win the vote in November,", "Jane Doe"}}},
		{"says", q + " says Jane Doe.", []want{{"We will win the vote in November,", "Jane Doe"}}},
		{"told", "Jane Doe told reporters: “We will win the vote in November.”", []want{{"We will win the vote in November.", "Jane Doe"}}},
		{"told that", "Jane Doe told reporters on Monday that “we will win the vote in November.”", []want{{"we will win the vote in November.", "Jane Doe"}}},
		{"added", "Jane Doe spoke first. " + q + " she added.", []want{{"We will win the vote in November,", "Jane Doe"}}},
		{"stated", q + " Jane Doe stated.", []want{{"We will win the vote in November,", "Jane Doe"}}},
		{"barked", q + " Jane Doe barked and left the room.", []want{{"We will win the vote in November,", "Jane Doe"}}},
		{"fumed", q + " fumed Jane Doe.", []want{{"We will win the vote in November,", "Jane Doe"}}},
		{"a news outlet's name before the verb", "Fox News reported on Thursday that “agents are looking at the code, which pertains to false statements.”",
			[]want{{"agents are looking at the code, which pertains to false statements.", "Fox News"}}},
		{"remarked", q + " Jane Doe remarked during the visit.", []want{{"We will win the vote in November,", "Jane Doe"}}},
		{"emphasized", "Jane Doe emphasized that the plan was sound. " + q + " she said.", []want{{"We will win the vote in November,", "Jane Doe"}}},
		{"wrote", q + " Jane Doe wrote on Twitter.", []want{{"We will win the vote in November,", "Jane Doe"}}},
		{"according to", q + " according to Reuters.", []want{{"We will win the vote in November,", "Reuters"}}},
		{"colon after a name", "Jane Doe: “We will win the vote in November.”", []want{{"We will win the vote in November.", "Jane Doe"}}},
		{"told a broadcaster, colon", "Mark Oaten spoke later. He told BBC News: “We will win the vote in November.”",
			[]want{{"We will win the vote in November.", "Mark Oaten"}}},
		{"told a paper, colon", "Charles Clarke is home secretary. Mr Clarke told The Times: “We will win the vote in November.”",
			[]want{{"We will win the vote in November.", "Charles Clarke"}}},
		{"a preposition opening a sentence is no first name", "Tom Young chairs the panel. Under NASA’s plan the rocket flies in 2024. " + q + " he said.",
			[]want{{"We will win the vote in November,", "Tom Young"}}},
		{"an adverb opening a sentence is no first name", "Earlier Tony Blair spoke in Gateshead. " + q + " he said.",
			[]want{{"We will win the vote in November,", "Tony Blair"}}},
		{"what follows an -ing verb is what was said", "Jane Doe spoke for an hour about " + q + " saying the city embodied the “soul of the nation.”",
			// not "the city embodied the": "spoke … about" is no cue, so nobody
			[]want{{"We will win the vote in November,", ""}, {"soul of the nation.", ""}}},
		{"a pronoun ending the phrase before the verb is its subject", "Jerry Springer was asked about the show. Asked whether the BBC should have screened the controversial musical he said: “We will win the vote in November.”",
			[]want{{"We will win the vote in November.", "Jerry Springer"}}},
		{"a title before the name", q + " her agent Jane Doe said.", []want{{"We will win the vote in November,", "Jane Doe"}}},
		{"a word before a surname named in full", "James Beattie was sent off. An angry Beattie said: “We will win the vote in November.”",
			[]want{{"We will win the vote in November.", "James Beattie"}}},
		{"a name in a role", "Arsene Wenger was angry. The weather was bad. " + q + " the Arsenal boss said.",
			[]want{{"We will win the vote in November,", "Arsene Wenger"}}},
		{"a role the text gives with a name", "French President Jacques Chirac met Tony Blair. Tony Blair spoke first. " + q + " the French president said.",
			[]want{{"We will win the vote in November,", "Jacques Chirac"}}},
		{"a first name that is a month too", q + " said Jan Egeland. Mr Egeland spoke first. “It is a disaster,” Mr Egeland said.",
			[]want{{"We will win the vote in November,", "Jan Egeland"}, {"It is a disaster,", "Jan Egeland"}}},
		{"a first name that is a title too", q + " said Dean Kiely.", []want{{"We will win the vote in November,", "Dean Kiely"}}},
		{"al before a capital is no man's name", "Al Qaeda claimed the attack. John Smith spoke later. " + q + " he said.", []want{{"We will win the vote in November,", "John Smith"}}},
		{"a month before a full name", "In Jan Tony Blair met the press. " + q + " Blair said.", []want{{"We will win the vote in November,", "Tony Blair"}}},
		{"a month before a date is no first name", "Jane Doe spoke on Jan. 5. Jan. Smith was there. " + q + " she said.",
			[]want{{"We will win the vote in November,", "Jane Doe"}}},
		{"a relative's gender is not hers", "The house, in which Al Hendrix lived between 1953 and 1956, was moved. Janie Hendrix, the guitarist's stepsister, said the family were still hoping. " + q + " she said.",
			[]want{{"We will win the vote in November,", "Janie Hendrix"}}},
		{"a surname that is a title too", "Banned American sprinter Kelli White says she took steroids. " + q + " White said.",
			[]want{{"We will win the vote in November,", "Kelli White"}}},
		{"a nationality and a title alone are a role", "Neil Kinnock has said he will help reform. It was put to Mr Kinnock that he had once called Lords members gangsters. But the outgoing European Commissioner said his comments needed to be put in context. He said advocates for reform needed to be inside the Lords. “We will win the vote in November.”",
			[]want{{"We will win the vote in November.", "Neil Kinnock"}}},
		{"a name before its possessive", "Clint Eastwood's Million Dollar Baby beat The Aviator. " + q + " Eastwood said.",
			[]want{{"We will win the vote in November,", "Clint Eastwood"}}},
		{"a sentence opening on he is about the subject before, not whom it names", "Scott Sullivan took the stand. Mr Sullivan said his former boss was detail-oriented. He portrayed Mr Ebbers as obsessed with costs. " + q + " he said.",
			[]want{{"We will win the vote in November,", "Scott Sullivan"}}},
		{"a body's name that opens on capitals is nobody's", "Souness eyes move for Owen\n\nNewcastle boss Graeme Souness is lining up a summer move for England and Real Madrid striker Michael Owen.\n\nHe sees Owen as the ideal replacement for Alan Shearer, although he hopes to persuade Shearer to carry on. " + q + " he told BBC Newcastle.",
			[]want{{"We will win the vote in November,", "Graeme Souness"}}},
		{"a question ends the quote before another's colon", "Shani Rhys James spoke. She added: \"Wales has moved on. It is not set back in How Green Was My Valley?\" Responding to Ms James' criticisms, Mr Alun Pugh said: \"The structure is under review.\"",
			[]want{{"Wales has moved on. It is not set back in How Green Was My Valley?", "Shani Rhys James"}, {"The structure is under review.", "Alun Pugh"}}},
		{"a word that describes, before a first name of the other list", "Songwriter Guy Chambers spoke. " + q + " Chambers said.",
			[]want{{"We will win the vote in November,", "Guy Chambers"}}},
		{"a team before a role, far from the quotes", "Beckham rules out management move\n\nReal Madrid midfielder David Beckham has no plans to become a manager when his playing career is over.\n\n" + q + " the England captain said.",
			[]want{{"We will win the vote in November,", "David Beckham"}}},
		{"a relative clause between commas names no subject", "Tim Henman beat Greg Rusedski. Henman, who now faces Russian Igor Andreev in the last 16, admitted afterwards it was difficult. " + q + " he said.",
			[]want{{"We will win the vote in November,", "Tim Henman"}}},
		{"a name that ends on capitals is a thing's", "For Rick Dean, of THX, the future is exciting. He has worked on the Star Wars DVD trilogy.\n\n“We will win,” he said. But DVD technology cannot hold as much as films demand. " + q + " he said.",
			[]want{{"We will win,", "Rick Dean"}, {"We will win the vote in November,", "Rick Dean"}}},
		{"a peer is named by the title and one name", q + " Lord Falconer said.", []want{{"We will win the vote in November,", "Lord Falconer"}}},
		{"a peer named in full too", "Betty Boothroyd was the first woman to be Speaker. " + q + " Lady Boothroyd said.",
			[]want{{"We will win the vote in November,", "Betty Boothroyd"}}},
		{"a member's letters after a name", "Glenys Kinnock MEP spoke first. " + q + " she said.", []want{{"We will win the vote in November,", "Glenys Kinnock MEP"}}},
		{"a surname in capitals", "Jacques CHIRAC spoke first. " + q + " he said.", []want{{"We will win the vote in November,", "Jacques CHIRAC"}}},
		{"a question, then the asker's colon", "“Is this fair?” Jane Doe asked: “We will win the vote in November.”",
			[]want{{"Is this fair? … We will win the vote in November.", "Jane Doe"}}},
		{"a peer is not a man of her name", "Mark Thatcher was arrested in Cape Town. " + q + " Lady Thatcher said.",
			[]want{{"We will win the vote in November,", "Lady Thatcher"}}},
		{"a role looks past a sentence that opens on he", "Tim Henman beat Greg Rusedski in Dubai. He praised Rusedski for his serve. " + q + " the player said.",
			[]want{{"We will win the vote in November,", "Tim Henman"}}},
		{"a first name tells a gender before a namesake's title", "Mr Jackson, 46, denies the charges. His mother Katherine Jackson told Fox News that he was innocent. " + q + " she said.",
			[]want{{"We will win the vote in November,", "Katherine Jackson"}}},
		{"an appositive without its closing comma", "Katrina Bull, a prospective parliamentary candidate said Mr Blair had roused the party: “We will win the vote in November.”",
			[]want{{"We will win the vote in November.", "Katrina Bull"}}},
		{"a description that runs past a few words, then the name", q + " said one of their lawyers, Michalis Dimitrakopoulos.",
			[]want{{"We will win the vote in November,", "Michalis Dimitrakopoulos"}}},
		{"a title of a body, then the name", "Chairman of the Environmental Audit Committee Peter Ainsworth MP, said: “We will win the vote in November.”",
			[]want{{"We will win the vote in November.", "Peter Ainsworth"}}},
		{"letters after a name are no part of it", "Ian MacDonald QC quit the panel. Mr MacDonald told BBC News: “We will win the vote in November.”",
			[]want{{"We will win the vote in November.", "Ian MacDonald"}}},
		{"a role of a place's is who spoke, not the place", "Scotland's justice minister has warned fans that she wants to hit them “where it hurts most” by banning them.",
			[]want{{"where it hurts most", "Scotland's justice minister"}}},
		{"a person's spokesman is who spoke, named as the person is", "Tony Blair flew to Brussels. Mr Blair's official spokesman said: “We will win the vote in November.”",
			[]want{{"We will win the vote in November.", "Tony Blair's official spokesman"}}},
		{"a person of a body is the person", q + " Mark Smith of Acme said.", []want{{"We will win the vote in November,", "Mark Smith"}}},
		{"a body of a place is the body", q + " the Bank of England said.", []want{{"We will win the vote in November,", "Bank of England"}}},
		{"an office of a place is the office", "The Archbishop of Canterbury said: “We will win the vote in November.”",
			[]want{{"We will win the vote in November.", "Archbishop of Canterbury"}}},
		{"a person named after a body", q + " Shadow leader of the Commons Oliver Heald said.", []want{{"We will win the vote in November,", "Oliver Heald"}}},
		{"an office is no he", "Director of Public Prosecutions, Ken Macdonald QC, who sits on the council, said the principle is set down by parliament. " + q + " he said.",
			[]want{{"We will win the vote in November,", "Ken Macdonald"}}},
		{"a party before a portfolio and a role describes the name after", "Lib Dem home affairs spokesman Mark Oaten has branded the scheme a waste of money. He said: “We will win the vote in November.”",
			[]want{{"We will win the vote in November.", "Mark Oaten"}}},
		{"the spokesman of a body", q + " said the BPI spokesman.", []want{{"We will win the vote in November,", "the BPI spokesman"}}},
		{"the spokesman of a body of more words", "A Top of the Pops spokesperson said: “We will win the vote in November.”",
			[]want{{"We will win the vote in November.", "Top of the Pops spokesperson"}}},
		{"a spokesman of a body", q + " said a Honda spokesman.", []want{{"We will win the vote in November,", "a Honda spokesman"}}},
		{"a description opening a sentence is written as mid-sentence", "A Fifa spokesman said: “We will win the vote in November.”",
			[]want{{"We will win the vote in November.", "a Fifa spokesman"}}},
		{"a capitalized word of a name is no speech verb", "“We will win the vote in November,” Michael McFaul, a former United States ambassador to Russia, said of RT. “Having people like Larry King work for them helps them.”",
			[]want{{"We will win the vote in November,", "Michael McFaul"}, {"Having people like Larry King work for them helps them.", "Michael McFaul"}}},
		{"a relative clause runs to the comma before the verb", "Liam Neeson backed the appeal. The Oscar-nominated actor, whose films include Schindler's List, Michael Collins and Star Wars: The Phantom Menace, said: “We will win the vote in November.”",
			[]want{{"We will win the vote in November.", "Liam Neeson"}}},
		{"a nationality before a first name the lists lack", "He was beaten by fellow American Robby Ginepri in straight sets. " + q + " Ginepri said.",
			[]want{{"We will win the vote in November,", "Robby Ginepri"}}},
		{"a nationality opening a body's name is the body's", q + " said the British Phonographic Industry.",
			[]want{{"We will win the vote in November,", "British Phonographic Industry"}}},
		{"like opening a sentence is no name's", "Johan Pouwelse studies file sharing. Like BitTorrent, Exeem is open to abuse. " + q + " he said.",
			[]want{{"We will win the vote in November,", "Johan Pouwelse"}}},
		{"a nationality opening a body's name of three words", "The British Red Cross said: “We will win the vote in November.”",
			[]want{{"We will win the vote in November.", "British Red Cross"}}},
		{"a speech verb in title case", "Michael Howard Said: “We will win the vote in November.”", []want{{"We will win the vote in November.", "Michael Howard"}}},
		{"an office, then a surname the text gives in full", "John Kerry flew to Geneva. Secretary of State Kerry said: “We will win the vote in November.”",
			[]want{{"We will win the vote in November.", "John Kerry"}}},
		{"a relative clause of an opening phrase", "In a statement, which was released on Friday, the company's chairman, Sir John Smith, said: “We will win the vote in November.”",
			[]want{{"We will win the vote in November.", "John Smith"}}},
		{"a body's spokesman keeps the article", "The Government's spokesman said: “We will win the vote in November.”",
			[]want{{"We will win the vote in November.", "the Government's spokesman"}}},
		{"a person's lawyer with no fuller name", "Mr Smith's lawyer said: “We will win the vote in November.”",
			[]want{{"We will win the vote in November.", "Mr Smith's lawyer"}}},
		{"a person of a body whose name holds of", "Ian Hunter of the Royal College of Nursing said: “We will win the vote in November.”",
			[]want{{"We will win the vote in November.", "Ian Hunter"}}},
		{"he after a person's spokesman is the spokesman", "Tony Blair flew to Brussels. “We will win the vote in November,” Mr Blair's official spokesman said. “We will win it in December,” he said.",
			[]want{{"We will win the vote in November,", "Tony Blair's official spokesman"}, {"We will win it in December,", "Tony Blair's official spokesman"}}},
		{"who said after a name is the name's", "The plan was rejected by Tony Blair, who said: “We will win the vote in November.”",
			[]want{{"We will win the vote in November.", "Tony Blair"}}},
		{"who said after a body's spokesman without an article", "The claim was denied by UKIP spokesman, who said: “We will win the vote in November.”",
			[]want{{"We will win the vote in November.", "UKIP spokesman"}}},
		{"a spokesman of a body whose name has small words", "A Department for Work and Pensions spokeswoman said: “We will win the vote in November.”",
			[]want{{"We will win the vote in November.", "a Department for Work and Pensions spokeswoman"}}},
		{"who said after an object is the object's", "In London, Mr Bush met the Prime Minister, who said: “We will win the vote in November.”",
			[]want{{"We will win the vote in November.", "the Prime Minister"}}},
		{"who said after a place is nobody's", "The crash was seen by a mother-of-two from Leeds, who said: “We will win the vote in November.”",
			[]want{{"We will win the vote in November.", ""}}},
		{"who said after a person after a preposition", "Kelly Holmes won twice in Athens. Daley Thompson retired at 34. The demands will get harder for Holmes, who said: “We will win the vote in November.”",
			[]want{{"We will win the vote in November.", "Kelly Holmes"}}},
		{"a title in lower case named in capitals", "Home Secretary Charles Clarke spoke on Monday. The home secretary said: “We will win the vote in November.”",
			[]want{{"We will win the vote in November.", "Charles Clarke"}}},
		{"a deputy's title is another office", "Deputy Prime Minister John Prescott hosted a dinner.\nTony Blair spoke later. The prime minister said: “We will win the vote in November.”",
			[]want{{"We will win the vote in November.", "Tony Blair"}}},
		{"an office and a surname two people share", "Hillary Clinton was sworn in. Former President Bill Clinton attended. Secretary of State Clinton said: “We will win the vote in November.”",
			[]want{{"We will win the vote in November.", "Secretary of State Clinton"}}},
		{"a body's name of many small words", "A National Society for the Prevention of Cruelty to Children spokesman said: “We will win the vote in November.”",
			[]want{{"We will win the vote in November.", "a National Society for the Prevention of Cruelty to Children spokesman"}}},
		{"a role after a name in the same sentence", "When Lleyton Hewitt shook his hand after another thrashing, the Australian said: “We will win the vote in November.”",
			[]want{{"We will win the vote in November.", "Lleyton Hewitt"}}},
		{"who said after a place named in capitals", "The album was produced by Rick Rubin in Los Angeles, who said: “We will win the vote in November.”",
			[]want{{"We will win the vote in November.", ""}}},
		{"a title of a nationality and a portfolio, then the name", "Scottish Finance Minister, Tom McCabe MSP, said: “We will win the vote in November.”",
			[]want{{"We will win the vote in November.", "Tom McCabe"}}},
		{"said, then the subject of what was said", "Gordon Brown flew in. Mr Brown said it was “winning support every day” and said a programme had been agreed.",
			[]want{{"winning support every day", "Gordon Brown"}}},
		{"a body's role before a name opening the clause", "Newcastle boss Graeme Souness has reopened his dispute with Craig Bellamy after claiming the Welshman was “not good enough for the club at all”.",
			[]want{{"not good enough for the club at all", "Graeme Souness"}}},
		{"a department's minister before a name, an -ing verb", "But Home Office minister Hazel Blears defended the move saying it would give the officers “just that little bit of edge”.",
			[]want{{"just that little bit of edge", "Hazel Blears"}}},
		{"a name ending in a number", "BBC Radio has three stations. Radio 1 said the three had been chosen for their “in-depth musical knowledge across genres”.",
			[]want{{"in-depth musical knowledge across genres", "Radio 1"}}},
		{"a possessive and a role before a name", "His longtime publicist Jerry Digney said the museum would house “archive materials from recordings and awards”.",
			[]want{{"archive materials from recordings and awards", "Jerry Digney"}}},
		{"he after a description that names the subject", "Home Secretary David Blunkett faces questions.\nMr Blair retorted voters remembered the record of a government and no comments by politicians. The home secretary has already admitted he was wrong to give the two first class tickets, given to him as an MP, to Mrs Quinn and has since paid the money back. He has apologised for “a genuine mistake” and says he will write to the watchdog.",
			[]want{{"a genuine mistake", "David Blunkett"}}},
		{"a body's spokesman opening a clause before an -ing verb", "An All England club spokesperson denied Phillips made the remark, insisting: “We will win the vote in November.”",
			[]want{{"We will win the vote in November.", "an All England club spokesperson"}}},
		{"a speech verb's word after a possessive is a noun", "Liberal Democrat deputy leader Menzies Campbell said he thought Lord Butler's comments were justified and Mr Blair's style was “corrosive of the whole system of government”.",
			[]want{{"corrosive of the whole system of government", "Menzies Campbell"}}},
		{"a quote right after its verb is its subject's", "In 2009, under what Mr. Hedge called “the prior economy model,” the Marsh Landing Country Club charged a $100,000 fee.",
			[]want{{"the prior economy model,", "Hedge"}}},
		{"a quote between two verbs is the one after it's", "The report adds “an important building block to our understanding of the business,” said David Bloom, professor of economics.",
			[]want{{"an important building block to our understanding of the business,", "David Bloom"}}},
		{"an age is whom the text is about", "Paula Radcliffe has called for athletes found guilty to be treated as criminals. " + q + " the 30-year-old told the Sunday Times.",
			[]want{{"We will win the vote in November,", "Paula Radcliffe"}}},
		{"the cardinal is the cardinal named", "Billions should have been spent on poverty, Cardinal Cormac Murphy-O'Connor has said.\nThe head of the Church made the comments on radio. " + q + " the cardinal said.",
			[]want{{"We will win the vote in November,", "Cormac Murphy-O'Connor"}}},
		{"the youngster", "Wayne Rooney scored twice on Saturday. " + q + " said the youngster.",
			[]want{{"We will win the vote in November,", "Wayne Rooney"}}},
		{"a sentence opening on a description is about whom it stands for", "Jose Antonio Reyes has added to speculation linking him with Real Madrid.\nThe Spaniard believed he was talking to Real Madrid sporting director Emilio Butragueno when he allegedly berated his team-mates as “bad people”. " + q + " the 21-year-old told Cadena Cope.",
			[]want{{"We will win the vote in November,", "Jose Antonio Reyes"}}},
		{"capitals alone are no person", "Archbishop Desmond Tutu has called for the release of the inmates.\nMoazzam Begg and Martin Mubanga have been held by the US at Guantanamo Bay for almost three years. The Britons were detained as part of the US-led “war on terror”. The archbishop added: “We will win the vote in November.”",
			[]want{{"We will win the vote in November.", "Desmond Tutu"}}},
		{"an ex- before a title makes it another office", "Earlier, ex-Conservative chancellor Ken Clarke welcomed the rules. Mr Brown spoke to the committee on Tuesday. But the chancellor said Mr Fallon was “impugning the integrity” of the office.",
			[]want{{"impugning the integrity", "Brown"}}},
		{"a picture's credit names nobody", "English comedian Peter Serafinowicz posted the clip to YouTube on Thursday.\n\nNeilson Barnard via Getty Images.\n\n“What if Donald Trump had elocution lessons?” the 43-year-old asked in the video’s description.",
			[]want{{"What if Donald Trump had elocution lessons?", "Peter Serafinowicz"}}},
		{"a verb and a colon bring in the quote", "Mr Opik said: “Hunting with dogs is not defined in the Act. “How is the village bobby supposed to distinguish?” Tory MP Peter Luff said that the law was “so poorly drafted”.",
			[]want{{"Hunting with dogs is not defined in the Act. … How is the village bobby supposed to distinguish?", "Opik"}, {"so poorly drafted", "Peter Luff"}}},
		{"an appositive opening on a preposition left open", "Dr Erel Avineri, of the Centre for Transport and Society at the University of the West of England in Bristol said: “We will win the vote in November.”",
			[]want{{"We will win the vote in November.", "Erel Avineri"}}},
		{"a name before a description between dashes", "Baikal passed into the hands of Rosneft. " + q + " Andrei Illarionov - then economic adviser to President Vladimir Putin - told a press conference.",
			[]want{{"We will win the vote in November,", "Andrei Illarionov"}}},
		{"a name after a possessive in s'", "“It's going to be close,” said Ladbrokes' Warren Lush.",
			[]want{{"It's going to be close,", "Warren Lush"}}},
		{"he after a spokesman is the spokesman", "A Labour Party spokesman told the BBC News website the party avoided those lists. But that did not happen for calls. " + q + " he said.",
			[]want{{"We will win the vote in November,", "a Labour Party spokesman"}}},
		{"she after a spokeswoman is the spokeswoman, he is not", "A Conservative spokeswoman said the party stuck to the rules. She said: “We do apply TPS.”\nA Labour spokeswoman spoke. " + q + " he said.",
			[]want{{"We do apply TPS.", "a Conservative spokeswoman"}, {"We will win the vote in November,", ""}}},
		{"he after the party's spokesman is the member named", "Mr Ancram condemned the document. The Tory spokesman also criticised the government. " + q + " he said.",
			[]want{{"We will win the vote in November,", "Ancram"}}},
		{"the one a paper quotes as saying", q + " Reuters quoted one trader as saying.\nThe Telegraph quoted Jane Doe as saying: “It is near.”",
			[]want{{"We will win the vote in November,", "one trader"}, {"It is near.", "Jane Doe"}}},
		{"it is the body the sentence before says spoke", "DrKW said the cuts are either to clear stock or could indicate a change. " + q + " it added.",
			[]want{{"We will win the vote in November,", "DrKW"}}},
		{"it is the body a sentence opens on", "Business leaders had opposed the plan. The British Chambers of Commerce welcomed the latest proposal. " + q + " it said.",
			[]want{{"We will win the vote in November,", "British Chambers of Commerce"}}},
		{"it is no person", "Jane Doe said the plan was fine. " + q + " it said.",
			[]want{{"We will win the vote in November,", ""}}},
		{"it after a speech verb is what was said of", "The Tory leader said his team had reached a view, but admitted it was “not an easy issue”.",
			[]want{{"not an easy issue", ""}}},
		{"a plural before of names a body; a lord of a place is a person", q + " the British Chambers of Commerce said.\nLord Nicholls of Birkenhead, in his ruling, said: “Indefinite imprisonment is the antithesis of the rule of law.”",
			[]want{{"We will win the vote in November,", "British Chambers of Commerce"}, {"Indefinite imprisonment is the antithesis of the rule of law.", "Lord Nicholls"}}},
		{"some of a body at a sentence's start", "Senior Tories said: “We will win the vote in November.”",
			[]want{{"We will win the vote in November.", "senior Tories"}}},
		{"a team is no he", "England forward Michael Owen has told the BBC he is happy in Spain.\nOwen has grabbed 11 goals for Real Madrid. However, he said he was delighted and dismissed criticism of his decision to join Real. " + q + " he said.",
			[]want{{"We will win the vote in November,", "Michael Owen"}}},
		{"a sentence opening on so he is about whom he is", "Marcel Desailly insists there is no chance of history repeating itself.\nSo he is full of admiration for two colleagues - Paolo Maldini and Alessandro Costacurta. " + q + " he said.",
			[]want{{"We will win the vote in November,", "Marcel Desailly"}}},
		{"hailed and labelled are said of, but not in the passive nor a headline", "Baywatch dubbed ‘worst TV import’\nWelsh legend Mervyn Davies, a member of two Grand Slam-winning sides, hailed it as “one of the great performances of the past three decades”.\nLabour backbencher Stephen Pound labelled the schemes “a pile of pants”. The win was hailed as “a triumph”.",
			[]want{{"one of the great performances of the past three decades", "Mervyn Davies"}, {"a pile of pants", "Stephen Pound"}}},
		// misfires a review of the rules above found
		{"it is not a body two sentences back", "The Home Office said the law would not change. The Law Commission, which includes two judges, disagreed. " + q + " it said.",
			[]want{{"We will win the vote in November,", ""}}},
		{"it is not the end of a name with and", "Marks and Spencer said the cuts were needed. " + q + " it added.",
			[]want{{"We will win the vote in November,", ""}}},
		{"a surname in s before of is a person's", "Hywel Williams of Plaid Cymru said the decision was “a disgrace to Wales”.",
			[]want{{"a disgrace to Wales", "Plaid Cymru"}}},
		{"a paper quotes the words of a description whole", q + " the Financial Times quoted a source close to the talks as saying.\n“It is near,” Reuters quoted analysts as saying.",
			[]want{{"We will win the vote in November,", "a source close to the talks"}, {"It is near,", "analysts"}}},
		{"a paper quotes a name with its appositive", "Reuters quoted Jane Doe, the chief executive of the Royal Bank of Scotland, as saying: “We will win the vote in November.”",
			[]want{{"We will win the vote in November.", "Jane Doe"}}},
		{"a name before dashes after its appositive", "Jane Doe, an analyst at Deutsche Bank - one of the largest lenders in Europe - told the BBC the deal was “a big positive step”.",
			[]want{{"a big positive step", "Jane Doe"}}},
		{"a name between dashes", "The chairman of BP - Lord Browne - told the BBC the deal was “a big positive step”.",
			[]want{{"a big positive step", "Lord Browne"}}},
		{"the age the text gives a name", "Manchester United's Cristiano Ronaldo, 19, was booked for diving. Ferguson, 63, defended the winger. " + q + " the 63-year-old said.",
			[]want{{"We will win the vote in November,", "Ferguson"}}},
		{"the archbishop of a see", "The Archbishop of Canterbury, Dr Rowan Williams, criticised the plan. Prime Minister Tony Blair defended it in the Commons. " + q + " the archbishop said.",
			[]want{{"We will win the vote in November,", "Rowan Williams"}}},
		{"the bishop of a see, not an archbishop", "Bishop of Durham Tom Wright has criticised the novel. The Archbishop of York, Dr John Sentamu, disagreed. " + q + " the bishop said.",
			[]want{{"We will win the vote in November,", "Tom Wright"}}},
		{"two cardinals named: the cardinal is either", "Cardinal Keith O'Brien and Cardinal Cormac Murphy-O'Connor met in Rome. " + q + " the cardinal said.",
			[]want{{"We will win the vote in November,", "the cardinal"}}},
		{"a teenager in court is not the judge", "A 15-year-old boy has been sentenced for the attack on pensioner John Smith in Leeds. Judge Peter Jones told the court the attack was cruel. " + q + " the teenager told the court.",
			[]want{{"We will win the vote in November,", "the teenager"}}},
		{"via a website is no picture's credit", "Robbie Williams via his website thanked fans on Monday. " + q + " he said.",
			[]want{{"We will win the vote in November,", "Robbie Williams"}}},
		{"a body's role after a name and its comma", "Brent Bozell, PTC president and conservative activist said: “We will win the vote in November.”",
			[]want{{"We will win the vote in November.", "Brent Bozell"}}},
		{"continues to is no speech", "The committee added that there was a crisis. “Major problems” are expected as the workforce continues to age, it said.",
			[]want{{"Major problems", "the committee"}}},
		{"according to what is no source", "It recommends a league table which ranks countries according to the steps they're taking towards “meeting the targets”.",
			[]want{}},
		{"a role before a name, after a body's name", "Virgin Radio DJ Pete Mitchell said: “We will win the vote in November.”\nWing Christophe Dominici says: “It is near.”\nDresdner Kleinwort Wasserstein said: “It is far.”",
			[]want{{"We will win the vote in November.", "Pete Mitchell"}, {"It is near.", "Christophe Dominici"}, {"It is far.", "Dresdner Kleinwort Wasserstein"}}},
		// misfires a second review found
		{"letters in capitals are no role before a body's last words", "JP Morgan Chase said: “Profits will rise this year.”\nBBC Northern Ireland said: “It is near.”",
			[]want{{"Profits will rise this year.", "JP Morgan Chase"}, {"It is near.", "BBC Northern Ireland"}}},
		{"a role after an opening phrase's name is not that name's", "After talks with Tony Blair, Sinn Fein president and West Belfast MP Gerry Adams struck a hopeful note, saying: “The process is alive.”",
			[]want{{"The process is alive.", "Sinn Fein"}}},
		{"continued to with no other verb cites", "Investors continued to warn that the “bubble may burst any time”.\nTony Blair spoke. “We will not turn back,” he continued to loud applause.",
			[]want{{"bubble may burst any time", "Investors"}, {"We will not turn back,", "Tony Blair"}}},
		{"according to a possessive's spokesman", "According to the prime minister's official spokesman, the talks were “constructive and frank”.",
			[]want{{"constructive and frank", "the prime minister's official spokesman"}}},
		{"branded after a quote is another clause's", "Mr Brown said the budget was “prudent and fair”, but Mr Howard branded it a con.",
			[]want{{"prudent and fair", "Brown"}}},
		{"a surname in s after senior is a name", "Senior Tory MP Nicholas Soames said: “It is fine.”",
			[]want{{"It is fine.", "Nicholas Soames"}}},
		{"AC is a team's only in AC Milan", "AC Grayling, the philosopher, has criticised the plans. “It is a retrograde step,” he said.",
			[]want{{"It is a retrograde step,", "AC Grayling"}}},
		{"a list of reactions, a dash and a role before each name", "Reaction.\n\n- Manchester City boss Kevin Keegan: “We had a great chance.”\n\n- Manchester United boss Sir Alex Ferguson: “It was not our best.”",
			[]want{{"We had a great chance.", "Kevin Keegan"}, {"It was not our best.", "Alex Ferguson"}}},
		{"capitals before a noun are no person the sentence is about", "T\n\nThe French DTT platform is known as TNT. But it is being branded as “digital television for all”.",
			[]want{{"digital television for all", ""}}},
		{"a name in brackets after a sentence is its speaker's", "T\n\n“We will win the vote in November.” (Jane Doe)",
			[]want{{"We will win the vote in November.", "Jane Doe"}}},
		{"a name in brackets after a name is its gloss", "T\n\nThe match is the “Partido contra la Pobreza” (Game Against Poverty).",
			[]want{{"Partido contra la Pobreza", ""}}},
		{"a surname of two words is the full name's", "Carlos Baez Silva leads the creditors. “We will win the vote in November,” Mr Baez Silva said.",
			[]want{{"We will win the vote in November,", "Carlos Baez Silva"}}},
		{"a subject with an adverb set off by commas", "Mike Ruddock coaches. “I am sure,” Forster told BBC Wales Sport. Ruddock, though, is keen to protect his players. “At this stage, there is nothing more.”",
			[]want{{"I am sure,", "Forster"}, {"At this stage, there is nothing more.", "Mike Ruddock"}}},
		{"a paragraph that ends reporting someone brings in the next one's quote", "T\n\nFraser Kemp said the plan was bad. The disaster was on everyone's mind, Mr Howard said.\n\n“We watched the scenes of destruction.”",
			[]want{{"We watched the scenes of destruction.", "Howard"}}},
		{"he set off after the words he reports is not whom they are about", "T\n\nMichael Howard spoke.\n\n“We can win,” he said.\n\nMr Blair has failed to tackle these problems, he claimed.\n\n“The result is big government.”",
			[]want{{"We can win,", "Michael Howard"}, {"The result is big government.", "Michael Howard"}}},
		{"a title before a possessive names the person", "T\n\nMr Fox spoke. “We will win the vote in November,” the prime minister said. Prime Minister Tony Blair's spokesman said more.",
			[]want{{"We will win the vote in November,", "Tony Blair"}}},
		{"a title before a possessive names the person, curly", "T\n\nMr Fox spoke. “We will win the vote in November,” the prime minister said. Prime Minister Tony Blair’s spokesman said more.",
			[]want{{"We will win the vote in November,", "Tony Blair"}}},
		{"Al before a surname is a first name", "“It is not good,” said Al Breach, an economist at UBS.",
			[]want{{"It is not good,", "Al Breach"}}},
		{"a person of a body whose name holds the", "Laura Brownlees of Save the Children said: “We will win the vote in November.”",
			[]want{{"We will win the vote in November.", "Laura Brownlees"}}},
		{"a body after a name and its comma", "Colin Asplin, Blackpool Hotel Association said: “We will win the vote in November.”",
			[]want{{"We will win the vote in November.", "Colin Asplin"}}},
		{"Norman is a first name, not a role in -man", "DJ Norman Cook has said dance music is not dead. “We will win the vote in November,” he said.",
			[]want{{"We will win the vote in November,", "Norman Cook"}}},
		{"Al Qaeda is no he, Al Gore is", "T\n\nAl Gore spoke. “We will not stop,” Mr Gore said. Al Qaeda was named. “It is our duty,” he said.",
			[]want{{"We will not stop,", "Al Gore"}, {"It is our duty,", "Al Gore"}}},
		{"Al Jazeera is a body, no he", "T\n\n“We will not stop,” Al Jazeera said in a statement. “It is our duty,” he said.",
			[]want{{"We will not stop,", "Al Jazeera"}, {"It is our duty,", ""}}},
		{"a role or fellow and a party before a first name", "Referee Graham Poll spoke. “We will win the vote in November,” Poll said. Fellow Lib Dem Norman Baker agreed: “We will win the vote in December.”",
			[]want{{"We will win the vote in November,", "Graham Poll"}, {"We will win the vote in December.", "Norman Baker"}}},
		{"the spokesman is the body's spokesman the text gave before", "A Home Office spokesman said the plans were sound. “It is about drilling down,” the spokesman said.",
			[]want{{"It is about drilling down,", "a Home Office spokesman"}}},
		{"not when a spokesman for another came since", "A Labour Party spokesman said it was fine. A spokesman for the Information Commissioner's Office said it would be marketing. “We would investigate,” the spokesman said.",
			[]want{{"We would investigate,", "the spokesman"}}},
		{"the company is the body the sentence before says spoke", "T\n\nValve also said that the rumours were false. The company said: “The hack came from the community.”",
			[]want{{"The hack came from the community.", "Valve"}}},
		{"US before an airline is part of its name", "T\n\nUS Airways had to cancel 65 flights. The airline said it was “embarrassed by the situation” and sorry.",
			[]want{{"embarrassed by the situation", "US Airways"}}},
		{"has dismissed … as: what the subject called it", "T\n\nTory leader Michael Howard has dismissed the Budget as “vote now, pay later” spending plans.",
			[]want{{"vote now, pay later", "Michael Howard"}}},
		{"has called … a: active, not a name given", "T\n\nAmnesty International has called Camp Delta a “major human-rights scandal” and more.",
			[]want{{"major human-rights scandal", "Amnesty International"}}},
		{"according to, in a new sentence after the quote, is that sentence's source", "T\n\n“Phones sell well,” said Ms Milanesi.\n\n“People are after something nice.” The market was worth $20 million last year, according to Juniper Research.",
			[]want{{"Phones sell well,", "Milanesi"}, {"People are after something nice.", "Milanesi"}}},
		{"a name after a title's body, after a preposition, is the sentence's subject", "T\n\nMichael Howard spoke first. “We will cut taxes,” he said.\n\nBut Chief Secretary to the Treasury Paul Boateng attacked the plans. “They are committed to cuts,” he said.",
			[]want{{"We will cut taxes,", "Michael Howard"}, {"They are committed to cuts,", "Paul Boateng"}}},
		{"not a possessive after a nationality", "T\n\nJason Gardener won the race. His times were short of American Maurice Greene's record. “It is a hard record to break,” said the world indoor champion.",
			[]want{{"It is a hard record to break,", "Jason Gardener"}}},
		{"a place is no he", "T\n\nKanye West announced plans for a solo album. Driving home from a late-night Los Angeles recording session, he was involved in a crash. “My heart sinks,” he said.",
			[]want{{"My heart sinks,", "Kanye West"}}},
		{"the same and the past are no speakers", "T\n\nOzzy Osbourne was at home. The singer did not want to talk but when asked whether he would do the same again replied: “Is the Pope a Catholic?”",
			[]want{{"Is the Pope a Catholic?", "Ozzy Osbourne"}}},
		{"a law is no he", "T\n\nMichael Howard spoke. The Tories tabled an amendment to the Serious Organised Crime and Police Bill. He called on the prime minister to “enter into constructive discussions”.",
			[]want{{"enter into constructive discussions", "Michael Howard"}}},
		{"words quoted inside a sentence are not split from the next quote by its cue", "T\n\nSteve Morgan accused Liverpool of using him as a “stalking horse” to attract bids, but Parry explained: “Steve has never been used.”",
			[]want{{"Steve has never been used.", "Parry"}}},
		{"a sentence's first word is no part of the name after it", "T\n\nWould Adam Schiff run again? “We will win the vote in November,” Schiff said. Apparently Lindsey Hale agreed: “We will.”",
			[]want{{"We will win the vote in November,", "Adam Schiff"}, {"We will.", "Lindsey Hale"}}},
		{"points out cites as says does", "T\n\nDemocracy is flawed, but as Winston Churchill points out it is “better than all the others that have been tried”.",
			[]want{{"better than all the others that have been tried", "Winston Churchill"}}},
		{"a view that came from someone is theirs", "T\n\n“It is cheap,” said Ian Fogg. One dissenting opinion came from Brian Gammage, an analyst. He said: “I don't think it changes the world.”",
			[]want{{"It is cheap,", "Ian Fogg"}, {"I don't think it changes the world.", "Brian Gammage"}}},
		{"a body's statement is the body's", "Chelsea's statement said: “We will win the vote in November.”",
			[]want{{"We will win the vote in November.", "Chelsea"}}},
		{"a seat's member keeps the letters", q + " the Salford MP said.", []want{{"We will win the vote in November,", "Salford MP"}}},
		{"a role, a name and where the person works", q + " said analyst Ray Neidl at Calyon Securities.",
			[]want{{"We will win the vote in November,", "Ray Neidl"}}},
		{"a title in capitals, a comma, then the name", q + " said RNID technology director, Guido Gybels.",
			[]want{{"We will win the vote in November,", "Guido Gybels"}}},
		{"a team before a role is no person", "Manchester United manager Alex Ferguson spoke after the game. " + q + " he said.",
			[]want{{"We will win the vote in November,", "Alex Ferguson"}}},
		{"a verb before a role: the name before it is the person's", "Ronnie Corbett criticised quiz shows. In an interview, Victoria Wood slated comedian Sacha Baron Cohen. " + q + " she said.",
			[]want{{"We will win the vote in November,", "Victoria Wood"}}},
		{"a nationality before Executive names a body", "But the Scottish Executive has insisted his comments were “a recognition that people will get drunk”.",
			[]want{{"a recognition that people will get drunk", "Scottish Executive"}}},
		{"not a name after a preposition", "Jane Doe spoke. In a speech, Tom Reed launched an attack against Doe, calling her “the worst in our history.”",
			[]want{{"the worst in our history.", "Tom Reed"}}},
		{"an honorific after a description", "Tony Blair flew in. At a Brussels summit Mr Blair said: “We will win the vote in November.”",
			[]want{{"We will win the vote in November.", "Tony Blair"}}},
		{"she is not the last speaker when that is a body", "“We will fight on,” said Amnesty International. " + q + " she said.",
			[]want{{"We will fight on,", "Amnesty International"}, {"We will win the vote in November,", ""}}},
		{"he is not a place or a body named before", "The Olympic Stadium was full. " + q + " he said.",
			[]want{{"We will win the vote in November,", ""}}},
		{"dash attribution", "“We will win the vote in November.” — Jane Doe", []want{{"We will win the vote in November.", "Jane Doe"}}},
		{"dash on the line below", "“We will win the vote in November.”\n- Jane Doe.", []want{{"We will win the vote in November.", "Jane Doe"}}},
		{"statement introduced in the paragraph before", "Jane Doe released the following statement:\n“We will win the vote in November.”",
			[]want{{"We will win the vote in November.", "Jane Doe"}}},
		{"as she put it", "As Jane Doe put it, “we will win the vote in November.”", []want{{"we will win the vote in November.", "Jane Doe"}}},
		{"name then an appositive with a verb in it", q + " Nate Silver, the guru who founded the site, tweeted on Monday.",
			[]want{{"We will win the vote in November,", "Nate Silver"}}},
		{"saying after an adverb", "Mr. Putin also veered close to an admission, saying, ''We will win the vote in November,'' and left.",
			[]want{{"We will win the vote in November,", "Putin"}}},
		{"is telling", "Donald Trump is telling supporters that “we will win the vote in November.”", []want{{"we will win the vote in November.", "Donald Trump"}}},
		{"a described speaker with capitals", q + " said a New Hampshire Republican, who spoke anonymously.",
			[]want{{"We will win the vote in November,", "a New Hampshire Republican"}}},
		{"verb first with a title in lower case", q + " said judge Jane Doe, chair of the panel.", []want{{"We will win the vote in November,", "Jane Doe"}}},
		{"verb first with a description in lower case", q + " says veteran industry analyst Jane Doe.", []want{{"We will win the vote in November,", "Jane Doe"}}},
		{"told names the listener", "The singer told the audience, “We will win the vote in November.”", []want{{"We will win the vote in November.", "the singer"}}},
		{"warned puts the speaker after it", q + " warned Jane Doe.", []want{{"We will win the vote in November,", "Jane Doe"}}},
		{"a cue that introduces the next quote is not the last one's", "Jane Doe spoke first. “We will win the vote in November.” John Smith added: “And then we will govern.”",
			[]want{{"We will win the vote in November.", "Jane Doe"}, {"And then we will govern.", "John Smith"}}},
		{"a cue and a lead into the next quote", q + " Jane Doe said, adding: “And then we will govern.”",
			[]want{{"We will win the vote in November, … And then we will govern.", "Jane Doe"}}},
		{"verb first with a title", q + " said Sen. Jane Doe.", []want{{"We will win the vote in November,", "Jane Doe"}}},
		{"speech verb in the previous sentence", "Jane Doe explained her vote on Monday. “We needed the money for the schools.”",
			[]want{{"We needed the money for the schools.", "Jane Doe"}}},
		{"speech verb in the next sentence", "“We needed the money for the schools.” That is what Jane Doe said on Monday.",
			[]want{{"We needed the money for the schools.", "Jane Doe"}}},
		{"title removed", q + " said Russian President Vladimir Putin.", []want{{"We will win the vote in November,", "Vladimir Putin"}}},
		{"surname to the full name", "Russian President Vladimir Putin arrived in Baku. " + q + " Putin said.", []want{{"We will win the vote in November,", "Vladimir Putin"}}},
		{"appositive removed", q + " Jane Doe, a senator from Ohio, said.", []want{{"We will win the vote in November,", "Jane Doe"}}},
		{"appositive after the verb", q + " said Jane Doe, the mayor of Springfield.", []want{{"We will win the vote in November,", "Jane Doe"}}},
		{"appositives", q + " Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said at an event.",
			[]want{{"We will win the vote in November,", "Scott Pruitt"}}},
		{"opening phrase before the subject", "In Ohio, Jane Doe, the mayor, said: “We will win the vote in November.”",
			[]want{{"We will win the vote in November.", "Jane Doe"}}},
		{"subject of a clause with saying", "During the speech, Jane Doe attacked the plan, saying, “We will win the vote in November.”",
			[]want{{"We will win the vote in November.", "Jane Doe"}}},
		{"a surname that is also a title", "Larry King spoke last. ''We will win the vote in November,'' Mr. King said.",
			[]want{{"We will win the vote in November,", "Larry King"}}},
		{"a name in apposition to a title", "The Shadow Secretary of State for the Family, Theresa May, said: “We will win the vote in November.”",
			[]want{{"We will win the vote in November.", "Theresa May"}}},
		{"a conjunction before the subject", "But David Frost, director general of the British Chambers of Commerce, warned that firms could be “crippled by the move.”",
			[]want{{"crippled by the move.", "David Frost"}}},
		{"a new sentence after the quote says more", "Sandra Gidley said: “We will win the vote in November.” She said her party would boost pay in the first six months.",
			[]want{{"We will win the vote in November.", "Sandra Gidley"}}},
		{"two quotes across a sentence are two utterances", "Mr Blair offered a “hard right agenda” to voters. Dr Liam Fox told BBC Radio: “We will win the vote in November.”",
			[]want{{"hard right agenda", "Blair"}, {"We will win the vote in November.", "Liam Fox"}}},
		{"party in parentheses", q + " Sen. Jane Doe (D-Ohio) said in a statement.", []want{{"We will win the vote in November,", "Jane Doe"}}},
		{"she to the woman", "Jane Doe met John Smith on Monday. " + q + " she said.", []want{{"We will win the vote in November,", "Jane Doe"}}},
		{"he skips a woman named alone", "John Smith spoke. “We will win,” Melanie said. " + q + " he said.",
			[]want{{"We will win,", "Melanie"}, {"We will win the vote in November,", "John Smith"}}},
		{"he to the man", "Jane Doe met John Smith on Monday. " + q + " he said.", []want{{"We will win the vote in November,", "John Smith"}}},
		{"he to the man the sentence before is about", q + " John Smith said.\nBob Jones, the coach, admitted there had been incidents. “It was a tough game,” he said.",
			[]want{{"We will win the vote in November,", "John Smith"}, {"It was a tough game,", "Bob Jones"}}},
		{"he to the subject, not the object", q + " John Smith said.\nAfter the match, Roy Keane accused Patrick Vieira of starting the row. “I'm not having it,” he said.",
			[]want{{"We will win the vote in November,", "John Smith"}, {"I'm not having it,", "Roy Keane"}}},
		{"no name after a preposition", "John Smith spoke. “We will win,” he said. On the subject of Jane Doe, he said, “She is a friend.”",
			[]want{{"We will win,", "John Smith"}, {"She is a friend.", "John Smith"}}},
		{"he to the person of the sentence before, in a paragraph with no quote", "Bob Jones met the five men on Monday. Their solicitor John Smith said they did nothing wrong.\n" + q + " he said.",
			[]want{{"We will win the vote in November,", "John Smith"}}},
		{"a sentence about something else is no cue", "John Smith spoke. " + q + " he said. “Then we will govern.” They will appear in court on Monday, a police spokesman said.",
			[]want{{"We will win the vote in November,", "John Smith"}, {"Then we will govern.", "John Smith"}}},
		{"he to the one the sentence says spoke", "If John Smith did not want to take part, the broadcasters could go ahead, Lord Holme said. “We will win the vote in November,” he said.",
			[]want{{"We will win the vote in November,", "Lord Holme"}}},
		{"a term in marks does not end the sentence he looks back on", "A spokesman for DLF Builders, Dr Vancheshwar, told the BBC this will mean \"better offerings\" for buyers. He said: \"We will win the vote in November.\"",
			[]want{{"We will win the vote in November.", "Vancheshwar"}}},
		{"a name of a person, then of where they work", "Jane Doe of Berenberg, the largest private bank, warned that “logic would suggest the vote in November.”",
			[]want{{"logic would suggest the vote in November.", "Jane Doe"}}},
		{"called a thing in words of three or more", "Sen. Jane Doe, R-Neb., called his death “a crisis of public trust” within the prison system.",
			[]want{{"a crisis of public trust", "Jane Doe"}}},
		{"a fragment does not end the sentence", `The "myth that ageing is a barrier" needs to be "exploded", Jane Doe said.`,
			[]want{{"myth that ageing is a barrier", "Jane Doe"}}},
		{"a possessive before the name is not part of it", q + " said Arsenal's Patrick Vieira.", []want{{"We will win the vote in November,", "Patrick Vieira"}}},
		{"quoted as saying", q + " Jane Doe is quoted as saying.", []want{{"We will win the vote in November,", "Jane Doe"}}},
		{"a title inside the sentence before", "As Jane Doe, author of “America's Unwritten Constitution,” put it, “we will win the vote in November.”",
			[]want{{"we will win the vote in November.", "Jane Doe"}}},
		{"revealed", "Jane Doe revealed, “We will win the vote in November.”", []want{{"We will win the vote in November.", "Jane Doe"}}},
		{"the subject of an infinitive", "The change allowed Jane Doe to claim that the party wants “a vote that feels much less pressured.”",
			[]want{{"a vote that feels much less pressured.", "Jane Doe"}}},
		{"adding that is no speaker", "Prime Minister Jane Doe said in a statement, “We are profoundly pleased and relieved” at the release, adding that Weeks’ family was grateful.",
			[]want{{"We are profoundly pleased and relieved", "Jane Doe"}}},
		{"a name, a long appositive, then the verb", q + " Jane Doe, a research analyst at the Delhi-based Council on Energy, Environment and Water think tank told CBS News.",
			[]want{{"We will win the vote in November,", "Jane Doe"}}},
		{"a relative clause without its closing comma", "Ms Jane Doe, who presents The Weakest Link tells him that she despaired. “I used to have to sit on my hands.”",
			[]want{{"I used to have to sit on my hands.", "Jane Doe"}}},
		{"a sentence that lost its full stop after the name", `"The litigation risks are real," said Credit Suisse First Boston analyst Vadim Mitroshin The dispute with the Russian authorities is partly driven by politics.`,
			[]want{{"The litigation risks are real,", "Vadim Mitroshin"}}},
		{"a nationality before a name", "Kenyan Susan Chepkemei won the race on Sunday. “It's a good way to end the year,” she said.",
			[]want{{"It's a good way to end the year,", "Susan Chepkemei"}}},
		{"the nationality for the person", "Argentine David Nalbandian lost in five sets. “It was not very good for the sport,” said the Argentine.",
			[]want{{"It was not very good for the sport,", "David Nalbandian"}}},
		{"he is no body in capitals", "“The industry has grown,” said the BPI. Sales rose in the year. “It has provided a focus for the industry,” he said.",
			[]want{{"The industry has grown,", "BPI"}, {"It has provided a focus for the industry,", ""}}},
		{"a compound before a name describes them", "Fly-half Jonny Wilkinson kicked three penalties. “It's the ambition of so many players,” he said.",
			[]want{{"It's the ambition of so many players,", "Jonny Wilkinson"}}},
		{"nationalities before names", "Top-seeded Americans Andy Roddick and Andre Agassi reached the last eight. “I'm not playing great,” Roddick said.",
			[]want{{"I'm not playing great,", "Andy Roddick"}}},
		{"a verb in -ing opens no name", "Justice Minister Cathy Jamieson spoke on Monday. Praising Celtic and Rangers for their efforts, she said: “Both clubs have been involved in the work.”",
			[]want{{"Both clubs have been involved in the work.", "Cathy Jamieson"}}},
		{"a nationality for the one the text is about", "Andre Agassi lost in straight sets on Tuesday. “A lot more guys are capable of it now,” said the American.",
			[]want{{"A lot more guys are capable of it now,", "Andre Agassi"}}},
		{"a nationality that names a people", "Jacques Chirac spoke in Paris. “Europe needs the constitution more than ever,” the French said.",
			[]want{{"Europe needs the constitution more than ever,", "French"}}},
		{"a name after a preposition and a role is no subject", "World number one Lindsay Davenport has criticised Wimbledon.\nReacting to a comment by All England Club chairman Tim Phillips, the American said: “I think it is highly insulting.”",
			[]want{{"I think it is highly insulting.", "Lindsay Davenport"}}},
		{"a title in capitals joined by and", "Politicians remain upbeat. “The economy has some soft patches,” said Economic and Fiscal Policy Minister Heizo Takenaka.",
			[]want{{"The economy has some soft patches,", "Heizo Takenaka"}}},
		{"a memo for someone is the memo's", "“Jeremy said he was encountering a rather embarrassing problem,” reads a telephone memo for Mr Heath.",
			[]want{{"Jeremy said he was encountering a rather embarrassing problem,", "a telephone memo"}}},
		{"a player's position for the player", "Arsenal's Sol Campbell has called the rivalry bitter. “It is just more bitter and personal,” the defender told The Guardian.",
			[]want{{"It is just more bitter and personal,", "Sol Campbell"}}},
		{"a role of four words", "Britain's Jason Gardener won the 60m. The world indoor champion said: “I got to the airport and my stomach was upset.”",
			[]want{{"I got to the airport and my stomach was upset.", "Jason Gardener"}}},
		{"a nationality as a noun", "Tottenham manager Martin Jol acclaimed his players for their patience.\n“We had the initiative but it wasn't easy,” said the Dutchman.",
			[]want{{"We had the initiative but it wasn't easy,", "Martin Jol"}}},
		{"a thing of someone's is no subject", "Ireland fly-half Ronan O'Gara hailed the win.\nThe Munster number 10 kicked 14 points to keep alive their Grand Slam hopes. He told BBC Sport: “We made hard work of it.”",
			[]want{{"We made hard work of it.", "Ronan O'Gara"}}},
		{"a role in capitals before a first name", "Guitarist Brian May said on Monday: “The show went so incredibly well.”",
			[]want{{"The show went so incredibly well.", "Brian May"}}},
		{"capitals before a first name that say no role", "The court heard from Farhat Omar Ben Gadaravice. “We are opening accounts,” said Farhat Omar Ben Gadaravice.",
			[]want{{"We are opening accounts,", "Farhat Omar Ben Gadaravice"}}},
		{"he is no role or body", "John Smith is under fire. Audience members laughed when he urged voters, “We will win the vote in November.”\nBefore stepping aside to become Chief Whip he said he would address “the damage caused by grade inflation.”",
			[]want{{"We will win the vote in November.", "John Smith"}, {"the damage caused by grade inflation.", "John Smith"}}},
		{"the actor to the actor named", "John Smith, 42, was voted off the show on Monday. " + q + " said the actor.",
			[]want{{"We will win the vote in November,", "John Smith"}}},
		{"a description that is no role stays", "John Smith spoke on Monday. " + q + " said a senior official.",
			[]want{{"We will win the vote in November,", "a senior official"}}},
		{"I and we inside the quote are not speakers", "“I will win and we will celebrate,” Jane Doe said.", []want{{"I will win and we will celebrate,", "Jane Doe"}}},
		{"organisation", q + " the Kremlin said in a statement.", []want{{"We will win the vote in November,", "Kremlin"}}},
		{"news organisation", "The Post reported: “We will win the vote in November.”", []want{{"We will win the vote in November.", "Post"}}},
		{"description", q + " a senior official said.", []want{{"We will win the vote in November,", "a senior official"}}},
		{"nobody named", "“We will win the vote in November.”", []want{{"We will win the vote in November.", ""}}},
		{"continuation", q + " Jane Doe said.\n“And then we will govern for four more years.”",
			[]want{{"We will win the vote in November,", "Jane Doe"}, {"And then we will govern for four more years.", "Jane Doe"}}},
		{"a new speaker breaks the continuation", q + " Jane Doe said.\nJohn Smith disagreed with her. “That will never happen in this state.”",
			[]want{{"We will win the vote in November,", "Jane Doe"}, {"That will never happen in this state.", "John Smith"}}},
	} {
		t.Run(c.name, func(t *testing.T) { check(t, c.text, c.want...) })
	}
}

func TestMention(t *testing.T) {
	text := "“We will win the vote in November,” said Russian President Vladimir Putin."
	qs := Extract(text, nil)
	if len(qs) != 1 || qs[0].Mention != "Russian President Vladimir Putin" {
		t.Fatalf("mention: got %+v", qs)
	}
}

// TestSeed: the seed article's four quote spans, three by Putin, one by Aliyev.
func TestSeed(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "seeds", "000_8dc520a2081ff3ad.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	var spans []string
	var speakers []string
	for _, q := range Extract(text, nil) {
		for _, s := range q.Spans {
			spans = append(spans, text[s.Start:s.End])
			speakers = append(speakers, q.Speaker)
		}
	}
	wantSpeakers := []string{"Vladimir Putin", "Vladimir Putin", "Vladimir Putin", "Ilham Aliyev"}
	if strings.Join(speakers, "|") != strings.Join(wantSpeakers, "|") {
		t.Fatalf("speakers %q, want %q (spans %q)", speakers, wantSpeakers, spans)
	}
	if !strings.HasPrefix(spans[0], "It is widely known") || !strings.HasPrefix(spans[3], "The new situation [since September]") {
		t.Errorf("spans %q", spans)
	}
}

// checkSpans is what every extraction must keep: spans inside the text,
// non-empty, in order and apart.
func checkSpans(t *testing.T, text string, qs []Quote) {
	t.Helper()
	last := 0
	for _, q := range qs {
		if len(q.Spans) == 0 {
			t.Fatalf("quote without spans: %+v", q)
		}
		for _, s := range q.Spans {
			if s.Start < last || s.End <= s.Start || s.End > len(text) {
				t.Fatalf("span %+v after %d in a text of %d bytes", s, last, len(text))
			}
			last = s.End
		}
		_ = q.Text(text)
	}
}

func TestHostileInput(t *testing.T) {
	var many strings.Builder
	for i := 0; i < 5000; i++ {
		many.WriteString("“We will win this vote,” she said. ")
	}
	long := strings.Repeat("word ", 400_000) // a 2 MB single line
	for name, text := range map[string]string{
		"5000 quotes in one paragraph":        many.String(),
		"5000 bare short quotes, all alike":   strings.Repeat("“We win the vote.” ", 5000),
		"2 MB line with an unterminated mark": "“" + long,
		"2 MB line of marks":                  strings.Repeat("\"'“”‘’«»„", 200_000),
		"unterminated marks":                  "“a\n“b\n‘c\n''d\n«e\n„f",
		"marks only":                          "\"\"\"\"''''“”",
		"invalid UTF-8":                       "“\xff\xfe said \xe2\x80” Jane \xe2 Doe said.",
		"entity cut short":                    "&ldquo;We&rdq",
	} {
		t.Run(name, func(t *testing.T) { checkSpans(t, text, Extract(text, nil)) })
	}
	if n := len(Extract(many.String(), nil)); n != 5000 {
		t.Errorf("5000 quotes: found %d", n)
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		`“We will win,” said Jane Doe.`, `''Yes,'' he said.`, "“a\n“b,” she said, “c.”", `‘don’t’ 'em '90s`,
		`&ldquo;x&rdquo; &quot;y&quot; <p>"z"</p>`, `„a“ «b» »c« 「d」`, "\"\"\"", "“", "Jane Doe: “x” — Jane",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkSpans(t, text, Extract(text, nil))
		// paragraphs that skip text and leave gaps must work too
		var paras []Span
		for i := 0; i < len(text); i += 7 {
			paras = append(paras, Span{i, min(len(text), i+5)})
		}
		checkSpans(t, text, Extract(text, paras))
	})
}

// British titles come off names too: "Conservative MP Michael Mates".
func TestBritishTitles(t *testing.T) {
	text := "Conservative MP Michael Mates joined calls for a probe.\n\nShadow Chancellor Oliver Letwin agreed.\n\n“That, as a general rule, is right,” said Conservative MP Michael Mates.\n\n“It is not right,” said Shadow Chancellor Oliver Letwin."
	qs := Extract(text, nil)
	if len(qs) != 2 || qs[0].Speaker != "Michael Mates" || qs[1].Speaker != "Oliver Letwin" {
		for _, q := range qs {
			t.Logf("%q -> %q", q.Text(text), q.Speaker)
		}
		t.Errorf("speakers wrong")
	}
}

// TestQuotesTight checks that the quotes kept take arrays of their own size,
// not the room made for every utterance found: they stay for the session.
func TestQuotesTight(t *testing.T) {
	text := "The so-called \"reform\" was a \"plan\" of sorts.\n" +
		"\"We will not back down,\" said Anna Berg, the minister. \"Never,\" she added.\n"
	qs := Extract(text, nil)
	if len(qs) != 2 {
		t.Fatalf("got %d quotes, want 2: %+v", len(qs), qs)
	}
	if cap(qs) != len(qs) {
		t.Errorf("cap(quotes) = %d, want %d", cap(qs), len(qs))
	}
	for i, q := range qs {
		if cap(q.Spans) != len(q.Spans) {
			t.Errorf("quote %d: cap(Spans) = %d, want %d", i, cap(q.Spans), len(q.Spans))
		}
	}
}
