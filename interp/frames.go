package interp

import (
	"go/token"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// A panic's traceback is built from two sources. yaegi prints one line per interpreted
// function the panic unwinds ("cell[2]/in:3:2: panic: main.f(...)"), innermost first, but
// each names the first statement of its function, not the failing one. The position register
// (rewrite_at.go) holds the statement that failed. So the first frame takes its line from the
// register, when the register was set by that frame's function; the outer frames take the
// line of their call of the inner function when the caller's body has exactly one such call.
// Lines nobody knows are left out rather than guessed.

// yaegiPanicLine parses a line yaegi printed while a panic unwound.
var yaegiPanicLine = regexp.MustCompile(`^(cell(?:\[\d+\])?)/` + sourceBase + `:(\d+):(\d+): panic: main(?:\.(\S+))?\(\.\.\.\)`)

// frame is one interpreted function a panic went through.
type frame struct {
	pos token.Position // where yaegi says it is: the first statement of its body
	fn  string         // yaegi's name: "" for top-level code, "f", "M" (a method), "func", "f.func"
}

// parseFrames parses yaegi's panic lines; lines of other files are left out.
func parseFrames(lines []string) []frame {
	var frames []frame
	for _, l := range lines {
		m := yaegiPanicLine.FindStringSubmatch(strings.TrimSpace(l))
		if m == nil {
			continue
		}
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		frames = append(frames, frame{pos: token.Position{Filename: m[1] + "/" + sourceBase, Line: line, Column: col}, fn: m[4]})
	}
	return frames
}

// panicFrames returns the traceback lines of a panic: yaegi's lines as it printed them, the
// register's value when the panic reached the session and, for a goroutine's panic, the
// position of its go statement (yaegi prints no line for the goroutine's own function, whose
// deferred hook recovers the panic).
func (s *Session) panicFrames(lines []string, regs registers, goPos token.Pos) []string {
	frames := parseFrames(lines)
	var goBody atBody
	if goPos != token.NoPos {
		var ok bool
		if goBody, ok = s.at.goBody(goPos); ok && (!goBody.wrapper || len(frames) == 0) {
			frames = append(frames, frame{pos: goBody.start, fn: goBody.fn})
		}
	}
	fset := s.yaegi().FileSet()
	// A function literal a rewrite wrote is no frame of the user's: the code in it is the
	// enclosing function's, and the call of it is not the user's.
	type shown struct {
		frame
		name string // the function the user wrote the code in
	}
	var fs []shown
	for i := 0; i < len(frames); i++ {
		f := frames[i]
		if b, ok := s.at.body(f.fn, f.pos); ok && b.wrapper && i+1 < len(frames) {
			fs = append(fs, shown{f, frames[i+1].fn})
			i++
			continue
		}
		fs = append(fs, shown{f, f.fn})
	}
	var out []string
	for i, f := range fs {
		where := ""
		if n := displayName(f.name); n != "" {
			where = " in " + n
		}
		switch {
		case i > 0 && f.fn == "" && fs[i-1].fn == mainName:
			// the session's call of a pasted program's main
		case i > 0:
			var inner []frame
			for _, g := range fs[:i] {
				inner = append(inner, g.frame)
			}
			site, ok := s.siteFromRegister(regs, inner, f.frame, calleeName(fs[i-1].fn))
			note := ""
			if !ok {
				site, note = s.callSite(f.frame, calleeName(fs[i-1].fn))
			}
			out = append(out, "    called from "+site+where+note)
		case s.registerIn(regs, f.frame):
			out = append(out, "    at "+cleanMessage(fset.Position(token.Pos(s.registerOf(regs, f.frame))).String())+where)
		default:
			// The register names a statement of a function this one called, which returned
			// before the statement that called it failed: that statement holds the call.
			callee, _ := s.at.fnOf(token.Pos(s.registerOf(regs, f.frame)))
			site, note := s.callSite(f.frame, calleeName(callee))
			out = append(out, "    at "+site+where+note)
		}
	}
	if goPos != token.NoPos {
		out = append(out, "    in the goroutine started at "+cleanMessage(fset.Position(goPos).String()))
	}
	return out
}

// registerIn tells whether the register value reg was set by a statement of f's function: a
// call that returned in the middle of the failing statement, or another goroutine, may have
// set it last.
func (s *Session) registerIn(regs registers, f frame) bool {
	reg := s.registerOf(regs, f)
	if reg == 0 || !s.at.funcOf(token.Pos(reg), f.fn) {
		return false
	}
	b, ok := s.at.body(f.fn, f.pos)
	return !ok || b.contains(s.yaegi().FileSet().Position(token.Pos(reg)))
}

// registerOf is the value of the register f's function stores to.
func (s *Session) registerOf(regs registers, f frame) int {
	if b, ok := s.at.body(f.fn, f.pos); ok {
		return regs.of(b.reg)
	}
	return regs.top // the function literal of evalTail, around the cell's last expression
}

// calleeName is the name a call uses for yaegi's function fn, or "" for a function literal.
func calleeName(fn string) string {
	if i := strings.LastIndexByte(fn, '.'); i >= 0 {
		fn = fn[i+1:]
	}
	if fn == "func" {
		return ""
	}
	return fn
}

// siteFromRegister is the position of f's call of callee when f's register still holds the
// statement that made it: f is top-level code or a goroutine's function, whose registers
// the functions called after it (the inner frames) do not store to. The position is the
// call's when the statement's line has one call of callee, else the statement's.
func (s *Session) siteFromRegister(regs registers, inner []frame, f frame, callee string) (string, bool) {
	b, ok := s.at.body(f.fn, f.pos)
	if !ok || b.reg == regAt || !s.registerIn(regs, f) {
		return "", false
	}
	for _, g := range inner {
		if gb, ok := s.at.body(g.fn, g.pos); !ok || gb.reg == b.reg {
			return "", false
		}
	}
	fset := s.yaegi().FileSet()
	reg := token.Pos(regs.of(b.reg))
	at := fset.Position(reg)
	var calls []token.Position
	for _, c := range b.calls {
		if p := fset.Position(c.pos); c.name == callee && c.pos >= reg && p.Line == at.Line {
			calls = append(calls, p)
		}
	}
	if len(calls) == 1 {
		at = calls[0]
	}
	return cleanMessage(at.String()), true
}

// callSite is the position of f's call of callee: the position of the call when f's body has
// exactly one, else f's cell, with a note of the lines of its calls or that the line is
// unknown.
func (s *Session) callSite(f frame, callee string) (site, note string) {
	unknown := " (the line is unknown)"
	b, ok := s.at.body(f.fn, f.pos)
	if !ok || callee == "" {
		return cellName(f.pos), unknown
	}
	fset := s.yaegi().FileSet()
	var at []token.Position
	for _, c := range b.calls {
		if c.name == callee {
			at = append(at, fset.Position(c.pos))
		}
	}
	switch len(at) {
	case 0:
		return cellName(f.pos), unknown
	case 1:
		return cleanMessage(at[0].String()), ""
	}
	var lines []string
	for _, p := range at {
		if l := strconv.Itoa(p.Line); !slices.Contains(lines, l) {
			lines = append(lines, l)
		}
	}
	if len(lines) == 1 {
		return cellName(f.pos) + ":" + lines[0], ""
	}
	return cellName(f.pos), " (line " + strings.Join(lines[:len(lines)-1], ", ") + " or " + lines[len(lines)-1] + ")"
}

// cellName is the cell of a position: "cell[3]".
func cellName(p token.Position) string {
	return strings.TrimSuffix(p.Filename, "/"+sourceBase)
}

// displayName is how a traceback names a function of yaegi's: "f", "a func literal in f".
func displayName(fn string) string {
	fn = strings.ReplaceAll(fn, mainName, "main")
	if fn == "func" || strings.HasPrefix(fn, "func.") {
		return "a func literal"
	}
	if i := strings.Index(fn, ".func"); i >= 0 {
		return "a func literal in " + fn[:i]
	}
	return fn
}
