package interp

import (
	"go/scanner"
	"go/token"
)

// unitKind classifies a top-level piece of a cell.
type unitKind int

const (
	unitStmt    unitKind = iota // a statement
	unitImport                  // an import declaration
	unitDecl                    // a type, func, const or var declaration
	unitPackage                 // a package clause, ignored: cells are all in package main
)

// unit is one top-level statement or declaration of a cell: the byte range [start, end) of
// the cell's source.
type unit struct {
	kind       unitKind
	start, end int
}

// scanned is one scanned token with its byte offset.
type scanned struct {
	off int
	tok token.Token
	lit string
}

// scanCell returns the cell's tokens, comments left out. Scanning errors are ignored here: the
// parser reports them later with better messages.
func scanCell(src string) []scanned {
	fset := token.NewFileSet()
	file := fset.AddFile("", fset.Base(), len(src))
	var s scanner.Scanner
	s.Init(file, []byte(src), func(token.Position, string) {}, 0)
	var toks []scanned
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			return toks
		}
		toks = append(toks, scanned{off: file.Offset(pos), tok: tok, lit: lit})
	}
}

// splitCell cuts a cell into its top-level units, each ending at a semicolon (written or
// inserted by the scanner at a line end) outside any bracket.
func splitCell(src string) []unit {
	toks := scanCell(src)
	var units []unit
	depth, first, header := 0, -1, false
	for i, t := range toks {
		if first < 0 {
			if t.tok == token.SEMICOLON {
				continue
			}
			first = i
			// "for i := 0; i < n; i++ {" and "if x := f(); x {" have semicolons in their
			// header: they do not end the statement. A label may come first.
			lead := t.tok
			if t.tok == token.IDENT && i+2 < len(toks) && toks[i+1].tok == token.COLON {
				lead = toks[i+2].tok
			}
			header = lead == token.FOR || lead == token.IF || lead == token.SWITCH
		}
		switch t.tok {
		case token.LBRACE:
			if depth == 0 {
				header = false
			}
			depth++
		case token.LPAREN, token.LBRACK:
			depth++
		case token.RPAREN, token.RBRACE, token.RBRACK:
			depth--
		}
		if t.tok == token.SEMICOLON && depth <= 0 && !header {
			units = append(units, unit{kind: kindAt(toks, first), start: toks[first].off, end: t.off})
			first, depth = -1, 0
		}
	}
	if first >= 0 {
		units = append(units, unit{kind: kindAt(toks, first), start: toks[first].off, end: len(src)})
	}
	return units
}

// kindAt tells what the unit starting at toks[i] is.
func kindAt(toks []scanned, i int) unitKind {
	switch toks[i].tok {
	case token.PACKAGE:
		return unitPackage
	case token.IMPORT:
		return unitImport
	case token.TYPE, token.CONST, token.VAR:
		return unitDecl
	case token.FUNC:
		if isFuncDecl(toks[i+1:]) {
			return unitDecl
		}
	}
	return unitStmt
}

// isFuncDecl tells a function or method declaration from a function literal, given the
// tokens after the func keyword: "f(" or "(r T) M(" declare, "() int {" does not.
func isFuncDecl(rest []scanned) bool {
	if len(rest) == 0 {
		return false
	}
	if rest[0].tok == token.IDENT {
		return true
	}
	if rest[0].tok != token.LPAREN {
		return false
	}
	depth := 0
	for i, t := range rest {
		switch t.tok {
		case token.LPAREN:
			depth++
		case token.RPAREN:
			depth--
		}
		if depth == 0 {
			return i+2 < len(rest) && rest[i+1].tok == token.IDENT && rest[i+2].tok == token.LPAREN
		}
	}
	return false
}
