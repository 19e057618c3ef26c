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
// declared together (they may call each other). A method that waits holds back the
// functions, vars and other methods that use its type, not type declarations: code compiled
// before the method exists would miss it (var s fmt.Stringer = T{} needs T's String, and
// t.String() in another method names no declaration), while the type itself stays in front
// for the statements that use it before. A waiting declaration is declared right after the
// last statement it waits for, which may be before its place in the cell.
func plan(src string, units []unit) (imports []unit, steps []step) {
	defined := stmtDefined(src, units)
	decls := declUses(src, units)
	users := declUsers(units, decls)
	// The declarations that wait for statements: those using a name they define, and
	// those depending on one that waits.
	waits := map[int]bool{} // by start
	var queue []int
	for _, u := range units {
		if d := decls[u.start]; d != nil && usesAnyOf(d, defined) {
			waits[u.start] = true
			queue = append(queue, u.start)
		}
	}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		for _, u := range users[v] {
			if !waits[u] {
				waits[u] = true
				queue = append(queue, u)
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
	// after[w] lists the statements (and vars run as statements) that the waiting
	// declaration w uses directly.
	defines := map[int]map[string]bool{} // the names each statement defines
	for _, v := range rest {
		if v.kind == unitStmt {
			defines[v.start] = stmtDefined(src, []unit{v})
			if dv := decls[v.start]; dv != nil { // a var run as a statement
				defines[v.start] = dv.declares
			}
		}
	}
	var waiting []unit
	after := map[int][]int{}
	for _, w := range rest {
		if w.kind != unitDecl {
			continue
		}
		waiting = append(waiting, w)
		for _, v := range rest {
			if v.kind == unitStmt && usesAnyOf(decls[w.start], defines[v.start]) {
				after[w.start] = append(after[w.start], v.start)
			}
		}
	}
	added := map[int]bool{}
	// release adds the waiting declarations that wait for no statement still to come,
	// directly or through another waiting declaration: those waiting together are
	// declared together.
	release := func() {
		blocked := map[int]bool{}
		var queue []int
		for _, w := range waiting {
			for _, v := range after[w.start] {
				if !added[v] && !blocked[w.start] {
					blocked[w.start] = true
					queue = append(queue, w.start)
				}
			}
		}
		for len(queue) > 0 {
			v := queue[0]
			queue = queue[1:]
			for _, u := range users[v] {
				if !blocked[u] && !added[u] {
					blocked[u] = true
					queue = append(queue, u)
				}
			}
		}
		var still []unit
		for _, w := range waiting {
			if blocked[w.start] {
				still = append(still, w)
			} else {
				add(w)
				added[w.start] = true
			}
		}
		waiting = still
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

// declUsers returns, for each declaration of a cell, the declarations that depend on it,
// all by start: those that use a name it declares, and for a method, the declarations
// other than types that use its type.
func declUsers(units []unit, decls map[int]*declInfo) map[int][]int {
	declaring := map[string][]int{} // the declarations of each name
	methods := map[string][]int{}   // the methods of each type name
	for _, u := range units {
		if d := decls[u.start]; d != nil {
			for n := range d.declares {
				declaring[n] = append(declaring[n], u.start)
			}
			if d.recv != "" {
				methods[d.recv] = append(methods[d.recv], u.start)
			}
		}
	}
	users := map[int][]int{}
	for _, u := range units {
		d := decls[u.start]
		if d == nil {
			continue
		}
		for n := range d.uses {
			for _, v := range declaring[n] {
				if v != u.start {
					users[v] = append(users[v], u.start)
				}
			}
		}
		if d.isType {
			continue
		}
		for n := range d.uses {
			for _, m := range methods[n] {
				if m != u.start {
					users[m] = append(users[m], u.start)
				}
			}
		}
	}
	return users
}

// usesAnyOf tells whether the declaration d uses one of names.
func usesAnyOf(d *declInfo, names map[string]bool) bool {
	for n := range names {
		if d.uses[n] {
			return true
		}
	}
	return false
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
