package compat

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"

	"github.com/traefik/yaegi/interp"
)

// sources holds the interpreted packages, in GOPATH layout under _gopath/src.
//
//go:embed _gopath/src
var sources embed.FS

// packageOrder lists the interpreted packages in dependency order.
var packageOrder = [...]string{"cmp", "iter", "maps", "slices", "gogradcompat"}

// replaced lists the yaegi symbol-table keys of the binary packages that the interpreted
// packages replace.
var replaced = [...]string{"cmp/cmp", "iter/iter", "maps/maps", "slices/slices"}

// HelperPackage is the name under which rewritten cells call compat's helpers.
const HelperPackage = "gogradcompat"

// Packages returns the interpreted packages in GOPATH layout (src/<import path>/*.go).
// Load compiles them; the file system is there for inspection and tests.
func Packages() fs.FS {
	sub, err := fs.Sub(sources, "_gopath")
	if err != nil {
		panic(err) // the embedded tree is part of the binary: a failure is a build bug
	}
	return sub
}

// Filter returns a copy of a yaegi symbol table without the binary packages that the
// interpreted cmp, iter, maps and slices replace. Give the result to interp.Use.
func Filter(symbols interp.Exports) interp.Exports {
	out := make(interp.Exports, len(symbols))
	for k, v := range symbols {
		if !slices.Contains(replaced[:], k) {
			out[k] = v
		}
	}
	return out
}

// Load compiles the interpreted packages into i. Call it once, after the last i.Use of
// the standard library (see the package documentation).
func Load(i *interp.Interpreter) error {
	generics := map[string]map[string]bool{}
	for _, pkg := range twinned {
		g, err := genericFuncs(pkg)
		if err != nil {
			return fmt.Errorf("compat: package %s: %w", pkg, err)
		}
		generics[pkg] = g
	}
	for _, pkg := range packageOrder {
		dir := path.Join("_gopath/src", pkg)
		entries, err := fs.ReadDir(sources, dir)
		if err != nil {
			return fmt.Errorf("compat: package %s: %w", pkg, err)
		}
		var twins []string
		for _, e := range entries {
			src, err := fs.ReadFile(sources, path.Join(dir, e.Name()))
			if err != nil {
				return fmt.Errorf("compat: package %s: %w", pkg, err)
			}
			if err := run(i, pkg+"/"+e.Name(), string(src)); err != nil {
				return err
			}
			if generics[pkg] != nil {
				twin, err := twinSource(pkg, src, generics)
				if err != nil {
					return fmt.Errorf("compat: twins of %s/%s: %w", pkg, e.Name(), err)
				}
				twins = append(twins, twin)
			}
		}
		for _, twin := range twins { // after the package, whose non-generic names they use
			if twin != "" {
				if err := run(i, pkg+" twins", twin); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// run compiles and runs one file of an interpreted package, named name in errors, with
// its type parameters renamed (typeparams.go).
func run(i *interp.Interpreter, name, src string) error {
	src, err := hideTypeParams(name, src)
	if err != nil {
		return fmt.Errorf("compat: parse %s: %w", name, err)
	}
	prog, err := i.Compile(src)
	if err != nil {
		return fmt.Errorf("compat: compile %s: %w", name, err)
	}
	// Execute binds the non-generic functions; generic ones are instantiated at use.
	if _, err := i.Execute(prog); err != nil {
		return fmt.Errorf("compat: run %s: %w", name, err)
	}
	return nil
}
