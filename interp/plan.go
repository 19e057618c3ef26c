package interp

import "go/token"

// step is a run of units evaluated together: a declaration file or a statement block.
type step struct {
	decl  bool
	units []unit
}

// plan orders a cell's units for evaluation: the imports, then the declarations that do not
// depend on names the cell's statements define, then everything else in cell order, with
// consecutive units of one kind kept together. A declaration that depends on a statement
// waits until the statements defining what it uses have run; a var declaration runs as a
// statement in its place.
func plan(src string, units []unit) (imports []unit, steps []step) {
	defined := stmtDefined(src, units)
	var front, rest []unit
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
	add := func(u unit) {
		decl := u.kind == unitDecl
		if n := len(steps); n > 0 && steps[n-1].decl == decl && !(n == 1 && len(front) > 0) {
			steps[n-1].units = append(steps[n-1].units, u)
			return
		}
		steps = append(steps, step{decl: decl, units: []unit{u}})
	}
	done := map[string]bool{} // names defined by the statements added so far
	var waiting []unit
	for _, u := range rest {
		if u.kind == unitDecl && usesAny(src, u, missing(defined, done)) {
			waiting = append(waiting, u)
			continue
		}
		add(u)
		if u.kind == unitStmt {
			for n := range stmtDefined(src, []unit{u}) {
				done[n] = true
			}
			var still []unit
			for _, w := range waiting {
				if usesAny(src, w, missing(defined, done)) {
					still = append(still, w)
				} else {
					add(w)
				}
			}
			waiting = still
		}
	}
	for _, w := range waiting {
		add(w)
	}
	return imports, steps
}

// missing returns the names of all that are not in done.
func missing(all, done map[string]bool) map[string]bool {
	m := map[string]bool{}
	for n := range all {
		if !done[n] {
			m[n] = true
		}
	}
	return m
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
