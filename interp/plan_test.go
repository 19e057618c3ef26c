package interp

import (
	"strings"
	"testing"
)

// planned renders the plan of a cell: one line a step, "decl:" or "stmt:" and the first
// word pairs of its units, separated by " | ".
func planned(code string) string {
	imports, steps := plan(code, splitCell(code))
	var lines []string
	if len(imports) > 0 {
		lines = append(lines, "imports")
	}
	for _, st := range steps {
		kind := "stmt: "
		if st.decl {
			kind = "decl: "
		}
		var texts []string
		for _, u := range st.units {
			line, _, _ := strings.Cut(code[u.start:u.end], "\n")
			texts = append(texts, strings.TrimSpace(line))
		}
		lines = append(lines, kind+strings.Join(texts, " | "))
	}
	return strings.Join(lines, "\n")
}

func TestPlan(t *testing.T) {
	for _, tc := range []struct{ name, code, want string }{
		{"receiver named like a variable",
			"type T struct{}\nfunc (t T) String() string { return \"T!\" }\nt := T{}\nvar s fmt.Stringer = T{}\nfmt.Println(s, t)",
			"decl: type T struct{} | func (t T) String() string { return \"T!\" } | var s fmt.Stringer = T{}\n" +
				"stmt: t := T{} | fmt.Println(s, t)"},
		{"parameter named like a variable",
			"type box struct{}\nfunc (b box) Plot(c draw.Canvas, p *plot.Plot) {}\np := plot.New()\np.Add(box{})\np",
			"decl: type box struct{} | func (b box) Plot(c draw.Canvas, p *plot.Plot) {}\n" +
				"stmt: p := plot.New() | p.Add(box{}) | p"},
		{"result, local, type parameter, label",
			"func f[x any](v x) (n int) { y := 1; n = y; goto z; z: return }\nx, y, z, n := 1, 2, 3, 4",
			"decl: func f[x any](v x) (n int) { y := 1; n = y; goto z; z: return }\n" +
				"stmt: x, y, z, n := 1, 2, 3, 4"},
		{"field, method and selector names, struct literal keys",
			"type P struct{ x int }\ntype I interface{ y() }\nfunc (p P) get() int { return p.x }\nfunc mk() P { return P{x: 1} }\nx, y, get := 1, 2, 3",
			"decl: type P struct{ x int } | type I interface{ y() } | func (p P) get() int { return p.x } | func mk() P { return P{x: 1} }\n" +
				"stmt: x, y, get := 1, 2, 3"},
		{"a function that uses a variable of the statements waits for it",
			"x := 5\nfunc f() int { return x * 2 }\nfunc g(x int) int { return x }\nf()",
			"decl: func g(x int) int { return x }\n" +
				"stmt: x := 5\n" +
				"decl: func f() int { return x * 2 }\n" +
				"stmt: f()"},
		{"a local declared after a use of the variable is no shadow",
			"x := 5\nfunc f() int { y := x; x := 2; return x + y }\nf()",
			"stmt: x := 5\n" +
				"decl: func f() int { y := x; x := 2; return x + y }\n" +
				"stmt: f()"},
		{"a var that uses one runs among the statements",
			"x := 5\nvar y = x * 3\nvar z = func(x int) int { return x }(2)\ny",
			"decl: var z = func(x int) int { return x }(2)\n" +
				"stmt: x := 5 | var y = x * 3 | y"},
		{"map and slice literal keys are values",
			"k := 7\nfunc h() map[int]string { return map[int]string{k: \"seven\"} }\ntype M map[int]bool\nfunc i() M { return M{k: true} }\nfunc j() []M { return []M{{k: true}} }\nh()",
			"decl: type M map[int]bool\n" +
				"stmt: k := 7\n" +
				"decl: func h() map[int]string { return map[int]string{k: \"seven\"} } | func i() M { return M{k: true} } | func j() []M { return []M{{k: true}} }\n" +
				"stmt: h()"},
		{"a function that calls a waiting one waits with it, and they are declared together",
			"func g() int { return f() + h() }\nx := 5\nfunc f() int { return x + g() }\nfunc h() int { return 1 }\ng()",
			"decl: func h() int { return 1 }\n" +
				"stmt: x := 5\n" +
				"decl: func g() int { return f() + h() } | func f() int { return x + g() }\n" +
				"stmt: g()"},
		{"a var waits for the function it calls",
			"x := 5\nfunc f() int { return x }\nvar y = f()\nfunc g() int { return y }\ng()",
			"stmt: x := 5\n" +
				"decl: func f() int { return x }\n" +
				"stmt: var y = f()\n" +
				"decl: func g() int { return y }\n" +
				"stmt: g()"},
		{"a waiting method holds back the other methods, functions and vars that use its type, not types",
			"type T struct{}\nfunc (t T) Area() int { return 1 }\ntype V struct{}\nscale := 2\nfunc (t T) String() string { return fmt.Sprint(scale) }\nvar s fmt.Stringer = T{}\nfunc mk() T { return T{} }\ntype U struct{ t T }\nt := mk()\ns",
			"decl: type T struct{} | type V struct{} | type U struct{ t T }\n" +
				"stmt: scale := 2\n" +
				"decl: func (t T) Area() int { return 1 } | func (t T) String() string { return fmt.Sprint(scale) } | func mk() T { return T{} }\n" +
				"stmt: var s fmt.Stringer = T{} | t := mk() | s"},
		{"a statement before the one a method waits for may use its type",
			"type Model struct{ w float64 }\nm := &Model{1}\nlr := 0.5\nfunc (m *Model) Step() { m.w -= lr }\nm.Step()",
			"decl: type Model struct{ w float64 }\n" +
				"stmt: m := &Model{1} | lr := 0.5\n" +
				"decl: func (m *Model) Step() { m.w -= lr }\n" +
				"stmt: m.Step()"},
		{"a declaration that does not parse waits on every name it mentions",
			"x := 1\nfunc f(x int) { return x +* }",
			"stmt: x := 1\n" +
				"decl: func f(x int) { return x +* }"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := planned(tc.code); got != tc.want {
				t.Errorf("plan of\n%s\n--- got ---\n%s\n--- want ---\n%s", tc.code, got, tc.want)
			}
		})
	}
}

// FuzzPlan checks that plan places every unit of any text once (package clauses none),
// keeps the statements in cell order, and never panics.
func FuzzPlan(f *testing.F) {
	for _, seed := range []string{
		"type T struct{}\nfunc (t T) String() string { return \"T!\" }\nt := T{}\nvar s fmt.Stringer = T{}\nfmt.Println(s, t)",
		"func g() int { return f() + h() }\nx := 5\nfunc f() int { return x + g() }\nfunc h() int { return 1 }\ng()",
		"k := 7\ntype M map[int]bool\nfunc i() M { return M{k: true} }\nvar y = k\nfunc j() []M { return []M{{k: true}} }",
		"package main\nimport \"fmt\"\nfunc (p *P[T]) M() {}\np := 1\ntype P[T any] struct{ p T }",
		"x := 1\nfunc f(x int) { return x +* }", "var a, b = c, d\nc, d := 1, 2\nvar (\n\te = a\n)",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, code string) {
		units := splitCell(code)
		imports, steps := plan(code, units)
		seen := map[int]int{}
		for _, u := range imports {
			seen[u.start]++
		}
		last := -1
		for _, st := range steps {
			for _, u := range st.units {
				seen[u.start]++
				if !st.decl {
					if u.start < last {
						t.Fatalf("statement at %d after one at %d in %q", u.start, last, code)
					}
					last = u.start
				}
			}
		}
		for _, u := range units {
			want := 1
			if u.kind == unitPackage {
				want = 0
			}
			if seen[u.start] != want {
				t.Fatalf("unit %q placed %d times in %q", code[u.start:u.end], seen[u.start], code)
			}
		}
	})
}
