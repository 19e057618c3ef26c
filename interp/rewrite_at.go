package interp

import (
	"go/ast"
	"go/token"
	"reflect"
	"regexp"
	"strconv"
	"sync"
)

// yaegi reports a runtime panic at the first statement of the function or top-level piece it
// happened in (its runCfg tracks no current node), so the session keeps the position itself:
// rewriteAt puts before every statement that may panic an assignment of the statement's
// position to a variable the prelude declares, a position register:
//
//	m["a"] = 1  =>  __gogradTop = 1234; m["a"] = 1
//
// A store costs about 13 ns in yaegi (a native variable would cost 40: yaegi cannot assign
// to a native int, only through a pointer). Statements that cannot panic (assignments of
// arithmetic to plain variables, x++, return of a variable, branches) get none, and a loop
// whose one statement that may panic is its only store, and which calls nothing but
// built-ins, gets that store once, before it (hoist): for i := range xs { s += xs[i] } and
// loops of arithmetic run as fast as before.
//
// When a panic reaches the session, the register of the failing function holds the statement
// that failed, unless a call returned into the middle of that statement: then it names a
// statement of the callee, which yaegi's innermost frame contradicts, and panicFrames gives
// the position of the call instead. A function running in two goroutines at once shares its
// register; the frame checks catch a register another function stored.
//
// The compound statements' headers are covered too: the register is set before an if, for,
// switch, select or range whose header may panic (an else-if becomes else { store; if ... }),
// and a for loop whose condition or post statement may panic sets it again at the end of its
// body and before its continues, since the condition runs after the body's statements.

// The registers: top-level code (the main goroutine's only) stores to atTopVar, functions
// to atVar, and the function of a go statement, with the function literals in it, to a
// variable of its own named atVar too, which its recover hook reads. So a goroutine's
// position is not overwritten by the cell's top-level code, which usually runs meanwhile.
const (
	atVar    = "__gogradAt"
	atTopVar = "__gogradTop"
)

// regKind tells which register a body stores to.
type regKind int

const (
	regAt    regKind = iota // the session's atVar
	regTop                  // the session's atTopVar
	regLocal                // the atVar of the enclosing go statement's function
)

// registers are the register values when a panic reached the session.
type registers struct {
	at, top, local int
}

// of returns the value of the register of kind k.
func (r registers) of(k regKind) int {
	switch k {
	case regTop:
		return r.top
	case regLocal:
		return r.local
	}
	return r.at
}

// atStmt matches a register store, or a goroutine's register, as go/printer prints them, to
// leave them out of the source shown to the user and compared between definitions.
var atStmt = regexp.MustCompile(`(?m)^[ \t]*(?:(?:` + atVar + `|` + atTopVar + `) = \d+|var ` + atVar + ` int);?\n`)

// registers returns the session's registers; local is the goroutine's, if any.
func (s *Session) registers(local int) registers {
	return registers{at: s.register(atVar), top: s.register(atTopVar), local: local}
}

// register returns the value of the register named name, 0 if it has none.
func (s *Session) register(name string) int {
	if v, ok := s.registerVar(name); ok {
		return int(v.Int())
	}
	return 0
}

// resetRegisters sets the session's registers to 0.
func (s *Session) resetRegisters() {
	for _, name := range []string{atVar, atTopVar} {
		if v, ok := s.registerVar(name); ok && v.CanSet() {
			v.SetInt(0)
		}
	}
}

// registerVar returns a register variable of the session's interpreter, found once per
// interpreter.
func (s *Session) registerVar(name string) (v reflect.Value, ok bool) {
	in := s.yaegi()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.atIn == in {
		v, ok = s.atVars[name]
		return v, ok
	}
	defer func() {
		if recover() != nil { // yaegi's Globals indexes past its frame after some failed compilations
			ok = false
		}
	}()
	g := in.Globals()
	vars := map[string]reflect.Value{}
	for _, n := range []string{atVar, atTopVar} {
		if v, ok := g[n]; ok && v.CanInt() {
			vars[n] = v
		}
	}
	s.atIn, s.atVars = in, vars
	v, ok = vars[name]
	return v, ok
}

// atBody is a function body or top-level piece that rewriteAt instrumented: where it is,
// what yaegi calls its function in a panic, and the calls it makes by name, to find the call
// site of an outer frame.
type atBody struct {
	start, end token.Position
	fn         string      // yaegi's name: "" for top-level statements, "f", "M" (a method), "func", "f.func"
	wrapper    bool        // a function literal the rewrites wrote around the user's code
	goPos      token.Pos   // for the function of a go statement, the statement's position
	reg        regKind     // the register its statements store to
	calls      []namedCall // calls whose callee is named, outside nested function literals
}

// contains tells whether the body holds position p.
func (b atBody) contains(p token.Position) bool {
	before := func(x, y token.Position) bool {
		return x.Line < y.Line || (x.Line == y.Line && x.Column <= y.Column)
	}
	return p.Filename == b.start.Filename && before(b.start, p) && before(p, b.end)
}

// namedCall is a call of f(...) or x.f(...).
type namedCall struct {
	name string
	pos  token.Pos
}

// atTable is what rewriteAt learned, for panicFrames.
type atTable struct {
	mu     sync.Mutex
	fn     map[token.Pos]string // register value -> yaegi name of its function
	tail   map[token.Pos]bool   // register values of a cell's last expression (see evalTail)
	bodies []atBody
}

// record adds what one rewrite learned.
func (t *atTable) record(fn map[token.Pos]string, bodies []atBody) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.fn == nil {
		t.fn, t.tail = map[token.Pos]string{}, map[token.Pos]bool{}
	}
	for p, name := range fn {
		t.fn[p] = name
	}
	t.bodies = append(t.bodies, bodies...)
}

// isAtStore tells a register store of rewriteAt, returning its value.
func isAtStore(st ast.Stmt) (token.Pos, bool) {
	as, ok := st.(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
		return token.NoPos, false
	}
	if id, ok := as.Lhs[0].(*ast.Ident); !ok || (id.Name != atVar && id.Name != atTopVar) {
		return token.NoPos, false
	}
	lit, ok := as.Rhs[0].(*ast.BasicLit)
	if !ok {
		return token.NoPos, false
	}
	n, err := strconv.Atoi(lit.Value)
	return token.Pos(n), err == nil
}

// markTail records that the register value p is set before a cell's last expression, which
// evalTail may evaluate inside a function literal.
func (t *atTable) markTail(p token.Pos) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.tail[p] = true
}

// fnOf returns the function of a register value.
func (t *atTable) fnOf(p token.Pos) (string, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	name, ok := t.fn[p]
	return name, ok
}

// funcOf tells whether a frame of yaegi's function fn may have set the register to p.
func (t *atTable) funcOf(p token.Pos, fn string) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	name, ok := t.fn[p]
	return ok && (name == fn || (t.tail[p] && fn == litName(name)))
}

// goBody returns the body of the function a go statement at pos runs.
func (t *atTable) goBody(pos token.Pos) (atBody, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for i := len(t.bodies) - 1; i >= 0; i-- {
		if t.bodies[i].goPos == pos {
			return t.bodies[i], true
		}
	}
	return atBody{}, false
}

// body returns the innermost instrumented body of yaegi's function fn that contains p.
func (t *atTable) body(fn string, p token.Position) (atBody, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	var best atBody
	found := false
	for i := len(t.bodies) - 1; i >= 0; i-- {
		b := t.bodies[i]
		if b.fn == fn && b.contains(p) && (!found || best.contains(b.start)) {
			best, found = b, true
		}
	}
	return best, found
}

// rewriteAt instruments f: its function bodies, and its statements when it is a statement
// piece (the body of func main; a func main the user wrote is renamed before).
func (s *Session) rewriteAt(fset *token.FileSet, f *ast.File) error {
	in := &instrumenter{fset: fset, fn: map[token.Pos]string{}}
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok {
			in.exprs(d)
			continue
		}
		if fd.Body == nil {
			continue
		}
		name, reg := fd.Name.Name, regAt // yaegi names a method without its type
		if fd.Recv == nil && name == "main" {
			name, reg = "", regTop // a statement piece: yaegi runs it as top-level code
		}
		in.body(name, reg, fd.Body, false)
	}
	s.at.record(in.fn, in.bodies)
	return nil
}

// instrumenter walks one file.
type instrumenter struct {
	fset   *token.FileSet
	fn     map[token.Pos]string
	bodies []atBody
}

// body instruments a function body (or a piece) whose yaegi name is fn.
func (in *instrumenter) body(fn string, reg regKind, b *ast.BlockStmt, wrapper bool) int {
	i := len(in.bodies)
	// A piece's braces are in the wrapper, outside the cell's file; a rewrite's are
	// anywhere.
	start, end := b.Pos(), b.End()
	if n := len(b.List); n > 0 {
		start, end = b.List[0].Pos(), max(end, b.List[n-1].End())
	}
	in.bodies = append(in.bodies, atBody{start: in.fset.Position(start), end: in.fset.Position(end), fn: fn, reg: reg, wrapper: wrapper})
	in.block(fn, b, i)
	return i
}

// set is the register store for the statement at pos, in the body at index body.
func (in *instrumenter) set(body int, pos token.Pos) ast.Stmt {
	in.fn[pos] = in.bodies[body].fn
	name := atVar
	if in.bodies[body].reg == regTop {
		name = atTopVar
	}
	return &ast.AssignStmt{
		Lhs:    []ast.Expr{&ast.Ident{Name: name, NamePos: pos}},
		TokPos: pos,
		Tok:    token.ASSIGN,
		Rhs:    []ast.Expr{&ast.BasicLit{ValuePos: pos, Kind: token.INT, Value: strconv.Itoa(int(pos))}},
	}
}

// block instruments a statement list in place; body is the index of the enclosing body.
func (in *instrumenter) block(fn string, b *ast.BlockStmt, body int) {
	if b != nil {
		b.List = in.list(fn, b.List, body)
	}
}

// list returns stmts with the register stores added, its compound statements instrumented.
func (in *instrumenter) list(fn string, stmts []ast.Stmt, body int) []ast.Stmt {
	out := make([]ast.Stmt, 0, len(stmts))
	for _, st := range stmts {
		may := stmtMayPanic(st)
		if may {
			out = append(out, in.set(body, st.Pos()))
		}
		in.inner(fn, st, body)
		if !may {
			if store := hoist(st); store != nil {
				out = append(out, store)
			}
		}
		out = append(out, st)
	}
	return out
}

// hoist moves out of a loop the register store of the one statement in it that may panic,
// when the loop calls nothing that could store another position: the register then keeps
// that statement's position through the loop, which runs without a store per iteration. It
// returns the store, or nil. The loop's header must not panic (the caller checks).
func hoist(st ast.Stmt) ast.Stmt {
	if l, ok := st.(*ast.LabeledStmt); ok {
		st = l.Stmt
	}
	switch st.(type) {
	case *ast.ForStmt, *ast.RangeStmt:
	default:
		return nil
	}
	calls := false
	var lists []*[]ast.Stmt
	ast.Inspect(st, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit:
			return false // its statements run only when it is called, which is a call
		case *ast.GoStmt:
			calls = true
		case *ast.CallExpr:
			if id, ok := x.Fun.(*ast.Ident); !ok || !storesNothing[id.Name] {
				calls = true
			}
		case *ast.BlockStmt:
			lists = append(lists, &x.List)
		case *ast.CaseClause:
			lists = append(lists, &x.Body)
		case *ast.CommClause:
			lists = append(lists, &x.Body)
		}
		return !calls
	})
	if calls {
		return nil
	}
	var found *[]ast.Stmt
	at := -1
	for _, l := range lists {
		for i, s := range *l {
			if _, ok := isAtStore(s); ok {
				if found != nil {
					return nil
				}
				found, at = l, i
			}
		}
	}
	if found == nil {
		return nil
	}
	store := (*found)[at]
	*found = append((*found)[:at:at], (*found)[at+1:]...)
	return store
}

// storesNothing are the functions and conversions a loop may call and still have its store
// hoisted: the built-ins and the basic types, which run no cell code.
var storesNothing = map[string]bool{
	"len": true, "cap": true, "append": true, "copy": true, "make": true, "new": true,
	"delete": true, "panic": true, "print": true, "println": true, "complex": true,
	"real": true, "imag": true,
	"bool": true, "string": true, "int": true, "int8": true, "int16": true, "int32": true,
	"int64": true, "uint": true, "uint8": true, "uint16": true, "uint32": true, "uint64": true,
	"uintptr": true, "float32": true, "float64": true, "complex64": true, "complex128": true,
	"byte": true, "rune": true,
}

// inner instruments the blocks inside one statement and the function literals in its
// expressions, and records its named calls.
func (in *instrumenter) inner(fn string, st ast.Stmt, body int) {
	switch st := st.(type) {
	case *ast.BlockStmt:
		in.block(fn, st, body)
		return
	case *ast.LabeledStmt:
		in.inner(fn, st.Stmt, body)
		return
	case *ast.IfStmt:
		in.headers(fn, body, st.Init, st.Cond)
		in.block(fn, st.Body, body)
		if elif, ok := st.Else.(*ast.IfStmt); ok && stmtMayPanic(elif) {
			// an else-if whose header may panic gets a statement to set the register in:
			// else { store; if ... }
			st.Else = &ast.BlockStmt{Lbrace: elif.Pos(), List: []ast.Stmt{elif}, Rbrace: elif.End()}
		}
		switch e := st.Else.(type) {
		case *ast.IfStmt:
			in.inner(fn, e, body)
		case *ast.BlockStmt:
			in.block(fn, e, body)
		}
		return
	case *ast.ForStmt:
		in.headers(fn, body, st.Init, st.Cond, st.Post)
		in.block(fn, st.Body, body)
		if exprMayPanic(st.Cond) || (st.Post != nil && stmtMayPanic(st.Post)) {
			in.repeatHeader(body, st, st.Body)
		}
		return
	case *ast.RangeStmt:
		in.headers(fn, body, st.X)
		in.block(fn, st.Body, body)
		return
	case *ast.SwitchStmt:
		in.headers(fn, body, st.Init, st.Tag)
		for _, c := range st.Body.List {
			cc := c.(*ast.CaseClause)
			in.headers(fn, body, exprNodes(cc.List)...)
			cc.Body = in.list(fn, cc.Body, body)
		}
		return
	case *ast.TypeSwitchStmt:
		in.headers(fn, body, st.Init, st.Assign)
		for _, c := range st.Body.List {
			cc := c.(*ast.CaseClause)
			cc.Body = in.list(fn, cc.Body, body)
		}
		return
	case *ast.SelectStmt:
		for _, c := range st.Body.List {
			cc := c.(*ast.CommClause)
			in.headers(fn, body, cc.Comm)
			cc.Body = in.list(fn, cc.Body, body)
		}
		return
	}
	in.headers(fn, body, st)
}

// headers records the named calls of header nodes and instruments the function literals in
// them.
func (in *instrumenter) headers(fn string, body int, nodes ...ast.Node) {
	for _, n := range nodes {
		if n == nil {
			continue
		}
		in.exprsIn(fn, body, n)
	}
}

// exprs instruments the function literals of a declaration that is not a function (var x =
// func() {...}).
func (in *instrumenter) exprs(d ast.Decl) {
	ast.Inspect(d, func(n ast.Node) bool {
		if lit, ok := n.(*ast.FuncLit); ok {
			in.body("func", regAt, lit.Body, isWrapper(lit))
			return false
		}
		return true
	})
}

// exprsIn records the named calls in n for the body at index body and instruments the
// function literals in n, which yaegi names after the enclosing function.
func (in *instrumenter) exprsIn(fn string, body int, n ast.Node) {
	ast.Inspect(n, func(n ast.Node) bool { return in.visit(fn, body, n) })
}

// visit is exprsIn's ast.Inspect function.
func (in *instrumenter) visit(fn string, body int, n ast.Node) bool {
	switch x := n.(type) {
	case *ast.GoStmt:
		lit, ok := x.Call.Fun.(*ast.FuncLit)
		if !ok {
			break
		}
		i := in.body(litName(fn), regLocal, lit.Body, isWrapper(lit))
		in.bodies[i].goPos = x.Pos()
		// The goroutine's statements store to a register of its own, which its recover
		// hook passes on: the other goroutines store to the session's meanwhile.
		own := &ast.DeclStmt{Decl: &ast.GenDecl{TokPos: x.Pos(), Tok: token.VAR, Specs: []ast.Spec{
			&ast.ValueSpec{Names: []*ast.Ident{{Name: atVar, NamePos: x.Pos()}}, Type: &ast.Ident{Name: "int", NamePos: x.Pos()}},
		}}}
		lit.Body.List = append([]ast.Stmt{own}, lit.Body.List...)
		for _, a := range x.Call.Args {
			in.exprsIn(fn, body, a)
		}
		return false
	case *ast.FuncLit:
		if isRecoverHook(x) {
			return false // it must not overwrite the register before it reads it
		}
		reg := regAt
		if in.bodies[body].reg != regAt && isWrapper(x) {
			reg = in.bodies[body].reg // the code is its enclosing function's
		} else if in.bodies[body].reg == regLocal {
			reg = regLocal // the name resolves to the goroutine's register
		}
		in.body(litName(fn), reg, x.Body, isWrapper(x))
		return false
	case *ast.CallExpr:
		switch f := ast.Unparen(x.Fun).(type) {
		case *ast.Ident:
			in.bodies[body].calls = append(in.bodies[body].calls, namedCall{f.Name, x.Pos()})
		case *ast.SelectorExpr:
			in.bodies[body].calls = append(in.bodies[body].calls, namedCall{f.Sel.Name, x.Pos()})
		}
	}
	return true
}

// isRecoverHook tells rewriteGo's deferred function, which reads the register.
func isRecoverHook(lit *ast.FuncLit) bool {
	found := false
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok && sel.Sel.Name == "GoPanic" {
			if id, ok := sel.X.(*ast.Ident); ok && id.Name == hiddenName {
				found = true
			}
		}
		return !found
	})
	return found
}

// isWrapper tells a function literal that a rewrite wrote around the user's code (compat's
// around a top-level loop, rewriteGo's around a go statement's call): it starts where its
// first statement does.
func isWrapper(lit *ast.FuncLit) bool {
	return len(lit.Body.List) > 0 && lit.Pos() == lit.Body.List[0].Pos()
}

// litName is yaegi's name for a function literal inside the function named fn.
func litName(fn string) string {
	if fn == "" {
		return "func"
	}
	return fn + ".func"
}

// exprNodes converts expressions to nodes.
func exprNodes(xs []ast.Expr) []ast.Node {
	out := make([]ast.Node, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

// repeatHeader sets the register back to the for statement at the end of its body and
// before the continues that go to its next iteration, where its condition and post
// statement run again.
func (in *instrumenter) repeatHeader(at int, loop *ast.ForStmt, body *ast.BlockStmt) {
	var fix func(stmts []ast.Stmt, nested bool) []ast.Stmt
	fix = func(stmts []ast.Stmt, nested bool) []ast.Stmt {
		var out []ast.Stmt
		for _, st := range stmts {
			if br, ok := st.(*ast.BranchStmt); ok && br.Tok == token.CONTINUE && br.Label == nil && !nested {
				out = append(out, in.set(at, loop.Pos()))
			}
			ast.Inspect(st, func(n ast.Node) bool {
				switch x := n.(type) {
				case *ast.FuncLit:
					return false
				case *ast.BlockStmt:
					x.List = fix(x.List, nested)
					return false
				case *ast.CaseClause:
					x.Body = fix(x.Body, nested)
					return false
				case *ast.CommClause:
					x.Body = fix(x.Body, nested)
					return false
				case *ast.ForStmt:
					if x != loop {
						x.Body.List = fix(x.Body.List, true)
						return false
					}
				case *ast.RangeStmt:
					x.Body.List = fix(x.Body.List, true)
					return false
				}
				return true
			})
			out = append(out, st)
		}
		return out
	}
	body.List = append(fix(body.List, false), in.set(at, loop.Pos()))
}

// stmtMayPanic tells whether a statement may panic by itself, its nested blocks aside: it is
// false only for statements made of assignments of arithmetic on plain variables and
// constants, branches and the like.
func stmtMayPanic(st ast.Stmt) bool {
	switch st := st.(type) {
	case *ast.AssignStmt:
		switch st.Tok {
		case token.QUO_ASSIGN, token.REM_ASSIGN, token.SHL_ASSIGN, token.SHR_ASSIGN:
			return true
		}
		for _, l := range st.Lhs {
			if _, ok := l.(*ast.Ident); !ok {
				return true
			}
		}
		return exprsMayPanic(st.Rhs)
	case *ast.IncDecStmt:
		_, ok := st.X.(*ast.Ident)
		return !ok
	case *ast.ExprStmt:
		return exprMayPanic(st.X)
	case *ast.ReturnStmt:
		return exprsMayPanic(st.Results)
	case *ast.DeclStmt:
		g, ok := st.Decl.(*ast.GenDecl)
		if !ok || g.Tok != token.VAR {
			return false
		}
		for _, sp := range g.Specs {
			if vs, ok := sp.(*ast.ValueSpec); ok && exprsMayPanic(vs.Values) {
				return true
			}
		}
		return false
	case *ast.BranchStmt, *ast.EmptyStmt, *ast.BlockStmt:
		return false
	case *ast.LabeledStmt:
		return stmtMayPanic(st.Stmt)
	case *ast.IfStmt:
		return (st.Init != nil && stmtMayPanic(st.Init)) || exprMayPanic(st.Cond)
	case *ast.ForStmt:
		return (st.Init != nil && stmtMayPanic(st.Init)) || exprMayPanic(st.Cond) || (st.Post != nil && stmtMayPanic(st.Post))
	case *ast.RangeStmt:
		return exprMayPanic(st.X) || !isIdentOrNil(st.Key) || !isIdentOrNil(st.Value)
	case *ast.SwitchStmt:
		if (st.Init != nil && stmtMayPanic(st.Init)) || exprMayPanic(st.Tag) {
			return true
		}
		for _, c := range st.Body.List {
			if exprsMayPanic(c.(*ast.CaseClause).List) {
				return true
			}
		}
		return false
	case *ast.TypeSwitchStmt:
		return (st.Init != nil && stmtMayPanic(st.Init)) || stmtMayPanic(st.Assign)
	}
	// send, go, defer, select and anything else
	return true
}

// isIdentOrNil tells whether x is absent or a plain variable.
func isIdentOrNil(x ast.Expr) bool {
	if x == nil {
		return true
	}
	_, ok := x.(*ast.Ident)
	return ok
}

// exprsMayPanic tells whether one of xs may panic.
func exprsMayPanic(xs []ast.Expr) bool {
	for _, x := range xs {
		if exprMayPanic(x) {
			return true
		}
	}
	return false
}

// exprMayPanic tells whether evaluating x may panic: false only for identifiers, literals,
// function literals and the operators that cannot fail (not /, %, shifts, comparisons,
// which panic on interfaces holding incomparable values, nor dereferences and receives),
// and for len and cap of such operands.
func exprMayPanic(x ast.Expr) bool {
	switch x := x.(type) {
	case nil:
		return false
	case *ast.Ident, *ast.BasicLit, *ast.FuncLit:
		return false
	case *ast.ParenExpr:
		return exprMayPanic(x.X)
	case *ast.UnaryExpr:
		switch x.Op {
		case token.SUB, token.ADD, token.NOT, token.XOR, token.AND:
			return exprMayPanic(x.X)
		}
		return true
	case *ast.BinaryExpr:
		switch x.Op {
		case token.ADD, token.SUB, token.MUL, token.AND, token.OR, token.XOR, token.AND_NOT,
			token.LAND, token.LOR, token.LSS, token.GTR, token.LEQ, token.GEQ:
			return exprMayPanic(x.X) || exprMayPanic(x.Y)
		}
		return true
	case *ast.CallExpr:
		if id, ok := x.Fun.(*ast.Ident); ok && (id.Name == "len" || id.Name == "cap") && id.Obj == nil {
			return exprsMayPanic(x.Args)
		}
		return true
	}
	return true
}
