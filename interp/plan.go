package interp

import "go/token"

// step is a run of units evaluated together: a declaration file or a statement block.
type step struct {
	decl  bool
	units []unit
}

// plan orders a cell's units for evaluation: the imports, then the declarations that do not
// depend on names the cell's statements define, then everything else in cell order, with
// consecutive units of one kind kept together. var declarations that depend on a statement
// run as statements in their place.
func plan(src string, units []unit) (imports []unit, steps []step) {
	defined := stmtDefined(src, units)
	var front []unit
	var rest []unit
	for _, u := range units {
		switch {
		case u.kind == unitPackage:
		case u.kind == unitImport:
			imports = append(imports, u)
		case u.kind == unitDecl && !usesAny(src, u, defined):
			front = append(front, u)
		case u.kind == unitDecl && scanCell(src[u.start:u.end])[0].tok == token.VAR:
			u.kind = unitStmt
			rest = append(rest, u)
		default:
			rest = append(rest, u)
		}
	}
	if len(front) > 0 {
		steps = append(steps, step{decl: true, units: front})
	}
	for _, u := range rest {
		decl := u.kind == unitDecl
		if n := len(steps); n > 0 && steps[n-1].decl == decl && !(n == 1 && len(front) > 0) {
			steps[n-1].units = append(steps[n-1].units, u)
			continue
		}
		steps = append(steps, step{decl: decl, units: []unit{u}})
	}
	return imports, steps
}

// stmtDefined returns the names that the cell's statement units define with :=.
func stmtDefined(src string, units []unit) map[string]bool {
	defined := map[string]bool{}
	for _, u := range units {
		if u.kind != unitStmt {
			continue
		}
		toks := scanCell(src[u.start:u.end])
		for i, t := range toks {
			if t.tok == token.DEFINE {
				for j := i - 1; j >= 0 && (toks[j].tok == token.IDENT || toks[j].tok == token.COMMA); j-- {
					if toks[j].tok == token.IDENT {
						defined[toks[j].lit] = true
					}
				}
				break
			}
			if t.tok == token.LBRACE || t.tok == token.LPAREN {
				break
			}
		}
	}
	return defined
}

// usesAny tells whether unit u mentions one of names.
func usesAny(src string, u unit, names map[string]bool) bool {
	if len(names) == 0 {
		return false
	}
	for _, t := range scanCell(src[u.start:u.end]) {
		if t.tok == token.IDENT && names[t.lit] {
			return true
		}
	}
	return false
}
