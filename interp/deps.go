package interp

import (
	"go/ast"
	"go/parser"
	"go/token"

	"github.com/gograd/gograd/interp/compat"
)

// declInfo is what plan needs to know about one declaration unit.
type declInfo struct {
	uses     map[string]bool // the names it takes from outside itself
	declares map[string]bool // the names it declares (none for a method)
	recv     string          // the receiver's type name, for a method
	isType   bool            // a type declaration
}

// declUses returns, for each declaration unit of a cell (by its start), what it declares
// and the names it takes from outside itself: its free identifiers. A declaration's own
// receiver, parameters, results, type parameters and locals, the names of struct fields and
// interface methods, the names after a dot and the keys of struct literals are not uses, so
// that
//
//	func (b box) Plot(c draw.Canvas, p *plot.Plot) { ... }
//	p := plot.New()
//
// does not make Plot wait for p. A unit that does not parse alone uses every identifier it
// mentions: the session reports the syntax error later, and waiting is the safe choice.
func declUses(src string, units []unit) map[int]*declInfo {
	infos := map[int]*declInfo{}
	files := map[int]*ast.File{}
	types := map[string]ast.Expr{} // the cell's type declarations, for composite-literal keys
	for _, u := range units {
		if u.kind != unitDecl {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), "", "package p;"+src[u.start:u.end], 0)
		if err != nil || len(f.Decls) != 1 {
			infos[u.start] = &declInfo{uses: mentioned(src, u), declares: map[string]bool{}}
			continue
		}
		files[u.start] = f
		if g, ok := f.Decls[0].(*ast.GenDecl); ok && g.Tok == token.TYPE {
			for _, s := range g.Specs {
				ts := s.(*ast.TypeSpec)
				types[ts.Name.Name] = ts.Type
			}
		}
	}
	for start, f := range files {
		info := &declInfo{uses: map[string]bool{}, declares: map[string]bool{}}
		for _, id := range f.Unresolved {
			info.uses[id.Name] = true
		}
		for _, id := range keyUses(f, types) {
			info.uses[id.Name] = true
		}
		switch d := f.Decls[0].(type) {
		case *ast.FuncDecl:
			if d.Recv == nil {
				info.declares[d.Name.Name] = true
			} else {
				if id := compat.ReceiverIdent(d.Recv); id != nil {
					info.recv = id.Name
				}
			}
		case *ast.GenDecl:
			info.isType = d.Tok == token.TYPE
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					info.declares[s.Name.Name] = true
				case *ast.ValueSpec:
					for _, n := range s.Names {
						info.declares[n.Name] = true
					}
				}
			}
		}
		infos[start] = info
	}
	return infos
}

// mentioned returns every identifier unit u mentions.
func mentioned(src string, u unit) map[string]bool {
	names := map[string]bool{}
	for _, t := range scanCell(src[u.start:u.end]) {
		if t.tok == token.IDENT {
			names[t.lit] = true
		}
	}
	return names
}

// keyUses returns the unresolved keys of composite literals in f that are values (map keys,
// array indexes), not field names. go/parser leaves every key out of Unresolved, since it
// cannot tell the two apart; here the literal's type tells, when it is written in the
// literal or declared in the cell (types). A key of a literal of an unknown type (declared
// in an earlier cell or a package) is taken for a field name: nearly all of those are
// struct literals (plotter.XY{X: 1}).
func keyUses(f *ast.File, types map[string]ast.Expr) []*ast.Ident {
	var out []*ast.Ident
	var visit func(lit *ast.CompositeLit, typ ast.Expr)
	visit = func(lit *ast.CompositeLit, typ ast.Expr) {
		if lit.Type != nil {
			typ = lit.Type
		}
		typ = underlying(typ, types)
		var key, elem ast.Expr // the types of elided key and element literals
		valueKeys := false
		switch t := typ.(type) {
		case *ast.MapType:
			key, elem, valueKeys = t.Key, t.Value, true
		case *ast.ArrayType:
			elem, valueKeys = t.Elt, true
		}
		for _, e := range lit.Elts {
			v := e
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				v = kv.Value
				if id, ok := kv.Key.(*ast.Ident); ok && id.Obj == nil && valueKeys {
					out = append(out, id)
				}
				if inner, ok := kv.Key.(*ast.CompositeLit); ok {
					visit(inner, key)
				} else if _, ok := kv.Key.(*ast.Ident); !ok {
					walkLits(kv.Key, visit)
				}
			}
			if inner, ok := elided(v); ok {
				visit(inner, elem)
			} else {
				walkLits(v, visit)
			}
		}
	}
	walkLits(f, visit)
	return out
}

// walkLits calls visit for the outermost composite literals under n.
func walkLits(n ast.Node, visit func(*ast.CompositeLit, ast.Expr)) {
	ast.Inspect(n, func(n ast.Node) bool {
		if lit, ok := n.(*ast.CompositeLit); ok {
			if lit.Type != nil {
				walkLits(lit.Type, visit) // a struct type may hold literals in array lengths
			}
			visit(lit, nil)
			return false
		}
		return true
	})
}

// elided returns the composite literal e is when its type is elided ({1, 2} or &{1, 2} in
// a slice of pointers).
func elided(e ast.Expr) (*ast.CompositeLit, bool) {
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = u.X
	}
	lit, ok := e.(*ast.CompositeLit)
	return lit, ok && lit.Type == nil
}

// underlying follows the names of the cell's types (and pointers, for elided &T{...}) to
// the type literal they stand for, or returns nil when it is not known.
func underlying(t ast.Expr, types map[string]ast.Expr) ast.Expr {
	for range 10 { // a bound, for type cycles in code that does not compile
		switch x := t.(type) {
		case *ast.ParenExpr:
			t = x.X
		case *ast.StarExpr:
			t = x.X
		case *ast.IndexExpr: // a generic type: its literal is enough to tell keys from fields
			t = x.X
		case *ast.IndexListExpr:
			t = x.X
		case *ast.Ident:
			if t = types[x.Name]; t == nil {
				return nil
			}
		default:
			return t
		}
	}
	return nil
}
