//go:build race

package search

// raceEnabled: the race detector slows the tests several times, so the
// longest check fewer cases.
const raceEnabled = true
