package interp

import (
	"regexp"
	"strconv"
	"strings"
)

// cellPos matches a position in a message: "cell[3]:2:5".
var cellPos = regexp.MustCompile(`(cell(?:\[\d+\])?):(\d+):(\d+)`)

// keepSource remembers the code of a numbered cell, to quote it in later tracebacks.
func (s *Session) keepSource(count int, code string) {
	if count <= 0 {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sources[cellLabel(count)] = code
}

// quoteSource adds to e's traceback, after each line that names a cell position, the source
// line it points at with a caret under the column.
func (s *Session) quoteSource(e *Error) {
	var tb []string
	for _, line := range e.Traceback {
		tb = append(tb, line)
		for _, l := range strings.Split(line, "\n") {
			tb = append(tb, s.sourceAt(l)...)
		}
	}
	e.Traceback = tb
}

// sourceAt returns the quoted source line and caret for the first position in msg, if known.
func (s *Session) sourceAt(msg string) []string {
	m := cellPos.FindStringSubmatch(msg)
	if m == nil {
		return nil
	}
	s.mu.Lock()
	code, ok := s.sources[m[1]]
	s.mu.Unlock()
	line, _ := strconv.Atoi(m[2])
	col, _ := strconv.Atoi(m[3])
	lines := strings.Split(code, "\n")
	if !ok || line < 1 || line > len(lines) || col < 1 {
		return nil
	}
	text := strings.ReplaceAll(lines[line-1], "\t", "    ")
	prefix := lines[line-1][:min(col-1, len(lines[line-1]))]
	width := len([]rune(strings.ReplaceAll(prefix, "\t", "    ")))
	return []string{"        " + text, "        " + strings.Repeat(" ", width) + "^"}
}
