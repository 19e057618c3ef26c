package interp

import (
	"strings"
	"testing"
)

// FuzzSplit checks that splitting any text gives ordered, non-overlapping units inside it,
// and that IsComplete and the cursor arithmetic of Complete never panic on it.
func FuzzSplit(f *testing.F) {
	for _, seed := range []string{"x := 1\nx", "for i := 0; i < 3; i++ {\n}", "func (t T) M() {}\nfunc() {}()",
		"import \"fmt\"\nfmt.Println(`a", "if x := f(); x {\n} else {\n}", "type T struct{}\nvar v = T{}", "héllo.", "}}}((("} {
		f.Add(seed, 3)
	}
	f.Fuzz(func(t *testing.T, code string, cursor int) {
		prev := 0
		for _, u := range splitCell(code) {
			if u.start < prev || u.end < u.start || u.end > len(code) {
				t.Fatalf("bad unit %+v after %d in %q", u, prev, code)
			}
			prev = u.end
		}
		if cursor >= 0 {
			off := byteOffset(code, cursor)
			wordBefore(code[:off])
		}
		s := &Session{}
		status, _ := s.IsComplete(code)
		if !strings.Contains("complete incomplete invalid", status) {
			t.Fatalf("status %q", status)
		}
	})
}

// TestSplitCell checks the units of a mixed cell.
func TestSplitCell(t *testing.T) {
	code := "import \"fmt\"\nx := 1\nfunc f() {}\nfor i := 0; i < 2; i++ {\n\tfmt.Println(i)\n}\ntype T int\nfunc() {}()\nfunc (T) M() {}"
	var kinds []unitKind
	var texts []string
	for _, u := range splitCell(code) {
		kinds = append(kinds, u.kind)
		texts = append(texts, code[u.start:u.end])
	}
	want := []unitKind{unitImport, unitStmt, unitDecl, unitStmt, unitDecl, unitStmt, unitDecl}
	if len(kinds) != len(want) {
		t.Fatalf("units %q, want %d", texts, len(want))
	}
	for i := range want {
		if kinds[i] != want[i] {
			t.Errorf("unit %d %q: kind %d, want %d", i, texts[i], kinds[i], want[i])
		}
	}
}
