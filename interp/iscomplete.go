package interp

import (
	"errors"
	"go/scanner"
	"go/token"
	"strings"
)

// IsComplete tells a console whether code is ready to run: "incomplete" (with the indent of
// the next line) while a bracket, block, string or comment is open or a line ends in the
// middle of an expression, "invalid" for syntax errors that more lines cannot fix, and
// "complete" otherwise.
func (s *Session) IsComplete(code string) (status, indent string) {
	depth, open := 0, false
	fset := token.NewFileSet()
	file := fset.AddFile("", fset.Base(), len(code))
	var sc scanner.Scanner
	sc.Init(file, []byte(code), func(_ token.Position, msg string) {
		if strings.Contains(msg, "not terminated") {
			open = true
		}
	}, 0)
	for {
		_, tok, _ := sc.Scan()
		if tok == token.EOF {
			break
		}
		switch tok {
		case token.LPAREN, token.LBRACE, token.LBRACK:
			depth++
		case token.RPAREN, token.RBRACE, token.RBRACK:
			depth--
		}
	}
	switch {
	case open:
		return "incomplete", ""
	case depth > 0:
		return "incomplete", strings.Repeat("    ", depth)
	case depth < 0:
		return "invalid", ""
	}
	return parseStatus(code)
}

// parseStatus parses a balanced cell: errors at its end mean more is needed.
func parseStatus(code string) (status, indent string) {
	fset := token.NewFileSet()
	for _, st := range splitCell(code) {
		var err error
		if st.kind == unitStmt {
			_, _, err = parseStmts(fset, "cell", code, []unit{st})
		} else {
			_, err = parseDecls(fset, "cell", code, []unit{st})
		}
		var list scanner.ErrorList
		if errors.As(err, &list) && len(list) > 0 {
			if strings.Contains(list[0].Msg, "EOF") || list[0].Pos.Line > strings.Count(code, "\n")+1 {
				return "incomplete", ""
			}
			return "invalid", ""
		}
	}
	return "complete", ""
}
