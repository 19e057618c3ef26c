package interp

import (
	"go/token"
	"path"
	"reflect"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gograd/gograd/interp/symbols"
	"github.com/traefik/yaegi/interp"
)

// keywords are Go's keywords, offered by completion.
var keywords = strings.Fields(`break case chan const continue default defer else fallthrough for
	func go goto if import interface map package range return select struct switch type var`)

// Complete returns the completions of the identifier before cursor, and the range of code it
// replaces. cursor, start and end count Unicode code points. After "pkg." it lists the
// package's exported members; after "v." the fields and methods of the session variable v;
// otherwise session names, imported packages, keywords and predeclared names.
func (s *Session) Complete(code string, cursor int) (matches []string, start, end int) {
	off := byteOffset(code, cursor)
	word, qual := wordBefore(code[:off])
	start = cursor - utf8.RuneCountInString(word)
	var cands []string
	if qual != "" {
		cands = s.members(qual)
	} else {
		cands = s.topLevel()
	}
	seen := map[string]bool{}
	for _, c := range cands {
		if strings.HasPrefix(c, word) && !seen[c] && !strings.HasPrefix(c, "__") {
			seen[c] = true
			matches = append(matches, c)
		}
	}
	sort.Strings(matches)
	return matches, start, cursor
}

// byteOffset converts a position in code points to a byte offset, clamped to the code.
func byteOffset(code string, cursor int) int {
	off := 0
	for i := 0; i < cursor && off < len(code); i++ {
		_, size := utf8.DecodeRuneInString(code[off:])
		off += size
	}
	return off
}

// wordBefore returns the identifier ending at the end of code and, when a dot precedes it,
// the identifier before the dot.
func wordBefore(code string) (word, qual string) {
	word = code[identStart(code):]
	rest := code[:len(code)-len(word)]
	if strings.HasSuffix(rest, ".") {
		rest = rest[:len(rest)-1]
		qual = rest[identStart(rest):]
	}
	return word, qual
}

// identStart is the byte offset where the identifier ending code begins.
func identStart(code string) int {
	i := len(code)
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(code[:i])
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_') {
			break
		}
		i -= size
	}
	return i
}

// topLevel lists the names a cell can start an identifier with.
func (s *Session) topLevel() []string {
	names := append(append([]string{}, keywords...), predeclared...)
	s.mu.Lock()
	for n := range s.names {
		names = append(names, n)
	}
	for n := range s.imports {
		names = append(names, n)
	}
	s.mu.Unlock()
	return names
}

// members lists what may follow "qual.": a package's exported symbols, or the fields and
// methods of a session variable.
func (s *Session) members(qual string) []string {
	if p := s.packagePath(qual); p != "" {
		var names []string
		for n := range s.packageSymbols(p) {
			if token.IsExported(n) {
				names = append(names, n)
			}
		}
		return names
	}
	v, ok := s.yaegi().Globals()[qual]
	if !ok || !v.IsValid() {
		return nil
	}
	return fieldsAndMethods(v)
}

// packagePath is the import path a package name stands for: an import of the session, or a
// package that could be imported under that name, the standard library first and the
// shortest path first ("rand" is math/rand, "draw" is image/draw).
func (s *Session) packagePath(name string) string {
	s.mu.Lock()
	p, ok := s.imports[name]
	s.mu.Unlock()
	if ok {
		return p
	}
	if interpretedPackages[name] {
		return name
	}
	for _, table := range []interp.Exports{s.std, symbols.Symbols} {
		best := ""
		for key := range table {
			if dir := path.Dir(key); path.Base(key) == name && (best == "" || len(dir) < len(best)) {
				best = dir
			}
		}
		if best != "" {
			return best
		}
	}
	return ""
}

// fieldsAndMethods lists the exported fields and methods of a value.
func fieldsAndMethods(v reflect.Value) []string {
	if v.Kind() == reflect.Interface && !v.IsNil() {
		v = v.Elem()
	}
	var names []string
	t := v.Type()
	for i := 0; i < t.NumMethod(); i++ {
		names = append(names, t.Method(i).Name)
	}
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() == reflect.Struct {
		for i := 0; i < t.NumField(); i++ {
			if f := t.Field(i); f.IsExported() {
				names = append(names, f.Name)
			}
		}
	}
	return names
}
