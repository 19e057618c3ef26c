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
//
// A declaration depends on the names it uses free (declUses: its own receiver, parameters
// and locals do not count), and on the declarations of the cell that wait, through the names
// they declare: a function calling one that waits waits too, and those waiting together are
// declared together (they may call each other). A method that waits holds back its type, and
// so the type's other methods and everything that uses the type: a method added to a type
// in a later evaluation would miss the interface conversions compiled before it
// (var s fmt.Stringer = T{} needs T's String). A waiting declaration is declared right
// after the last statement it waits for, which may be before its place in the cell.
func plan(src string, units []unit) (imports []unit, steps []step) {
	defined := stmtDefined(src, units)
	decls := declUses(src, units)
	stmts := map[int]map[string]bool{} // by start: the names each statement defines
	for _, u := range units {
		if u.kind == unitStmt {
			stmts[u.start] = stmtDefined(src, []unit{u})
		}
	}
	// deps tells whether the declaration u depends on what v declares or defines.
	deps := func(u, v unit) bool {
		du, dv := decls[u.start], decls[v.start]
		if u.start == v.start || du == nil {
			return false
		}
		if dv == nil {
			for n := range stmts[v.start] {
				if du.uses[n] {
					return true
				}
			}
			return false
		}
		if dv.recv != "" { // a type waits for its methods
			return du.declares[dv.recv]
		}
		for n := range dv.declares {
			if du.uses[n] {
				return true
			}
		}
		return false
	}
	waits := map[int]bool{} // by start: the declarations that wait for statements
	for changed := true; changed; {
		changed = false
		for _, u := range units {
			if u.kind != unitDecl || waits[u.start] {
				continue
			}
			w := false
			for n := range decls[u.start].uses {
				w = w || defined[n]
			}
			for _, v := range units {
				w = w || v.kind == unitDecl && waits[v.start] && deps(u, v)
			}
			if w {
				waits[u.start], changed = true, true
			}
		}
	}
	var front, rest []unit
	for _, u := range units {
		switch {
		case u.kind == unitPackage:
		case u.kind == unitImport:
			imports = append(imports, u)
		case u.kind == unitDecl && !waits[u.start]:
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
	added := map[int]bool{}
	var waiting []unit
	// release adds the largest set of waiting declarations that depend on nothing outside
	// the set that is still to come.
	release := func() {
		set := map[int]bool{}
		for _, w := range waiting {
			set[w.start] = true
		}
		for changed := true; changed; {
			changed = false
			for _, w := range waiting {
				if !set[w.start] {
					continue
				}
				for _, v := range rest {
					if !added[v.start] && !set[v.start] && deps(w, v) {
						set[w.start], changed = false, true
						break
					}
				}
			}
		}
		var still []unit
		for _, w := range waiting {
			if set[w.start] {
				add(w)
				added[w.start] = true
			} else {
				still = append(still, w)
			}
		}
		waiting = still
	}
	for _, u := range rest {
		if u.kind == unitDecl {
			waiting = append(waiting, u)
		}
	}
	for _, u := range rest {
		if u.kind != unitDecl {
			add(u)
			added[u.start] = true
			release()
		}
	}
	for _, w := range waiting {
		add(w)
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
