package quotes

import (
	"math/rand/v2"
	"testing"
)

// TestRuns checks the runs read 8 bytes at a time against the byte classes,
// byte by byte.
func TestRuns(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []byte("aAzZ09@#`{[/:?-'. \n\x00\x7f\x80\xe2\xffmQ")
	for n := 0; n < 200000; n++ {
		b := make([]byte, r.IntN(20))
		for i := range b {
			if r.IntN(4) == 0 {
				b[i] = byte(r.IntN(256))
			} else {
				b[i] = alphabet[r.IntN(len(alphabet))]
			}
		}
		s := string(b)
		for j := 0; j <= len(s); j++ {
			want := j
			for want < len(s) && byteClass[s[want]]&(bWord|bUpper) == bWord {
				want++
			}
			if got := lowerRun(s, j); got != want {
				t.Fatalf("lowerRun(%q, %d) = %d, want %d", s, j, got, want)
			}
			want, up := j, false
			for ; want < len(s) && byteClass[s[want]]&bWord != 0; want++ {
				up = up || byteClass[s[want]]&bUpper != 0
			}
			if got, gotUp := wordRun(s, j); got != want || gotUp != up {
				t.Fatalf("wordRun(%q, %d) = %d, %v, want %d, %v", s, j, got, gotUp, want, up)
			}
		}
	}
}
