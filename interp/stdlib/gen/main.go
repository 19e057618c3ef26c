// Command gen writes the yaegi symbol tables of the standard library of the Go toolchain
// that runs it, one file per package, into the current directory (interp/stdlib):
//
//	go generate ./interp/stdlib
//
// The package list is yaegi v0.16.1's (stdlib/stdlib.go) plus the packages added since
// Go 1.22, without cmp, maps and slices (generic only: interp/compat interprets them).
// Generic functions are left out by yaegi's extractor: only non-generic symbols exist.
package main

import (
	"bytes"
	"fmt"
	"log/slog"
	"os"
	"path"
	"runtime"
	"strings"

	"github.com/traefik/yaegi/extract"
)

// packages lists the standard packages to extract.
var packages = strings.Fields(`
archive/tar archive/zip
bufio bytes
compress/bzip2 compress/flate compress/gzip compress/lzw compress/zlib
container/heap container/list container/ring
context crypto crypto/aes crypto/cipher crypto/des crypto/dsa crypto/ecdsa crypto/ecdh
crypto/ed25519 crypto/elliptic crypto/hmac crypto/md5 crypto/rand
crypto/rc4 crypto/rsa crypto/sha1 crypto/sha256 crypto/sha512
crypto/subtle crypto/tls crypto/x509 crypto/x509/pkix
database/sql database/sql/driver
debug/buildinfo debug/dwarf debug/elf debug/gosym debug/macho debug/pe debug/plan9obj
encoding encoding/ascii85 encoding/asn1 encoding/base32
encoding/base64 encoding/binary encoding/csv encoding/gob
encoding/hex encoding/json encoding/pem encoding/xml
errors expvar flag fmt
go/ast go/build go/build/constraint go/constant go/doc go/doc/comment go/format
go/importer go/parser go/printer go/scanner go/token go/types
hash hash/adler32 hash/crc32 hash/crc64 hash/fnv hash/maphash
html html/template
image image/color image/color/palette
image/draw image/gif image/jpeg image/png index/suffixarray
io io/fs io/ioutil log log/syslog log/slog
math math/big math/bits math/cmplx math/rand math/rand/v2
mime mime/multipart mime/quotedprintable
net net/http net/http/cgi net/http/cookiejar net/http/fcgi
net/http/httptest net/http/httptrace net/http/httputil net/http/pprof
net/mail net/netip net/rpc net/rpc/jsonrpc net/smtp net/textproto net/url
os os/signal os/user
path path/filepath reflect regexp regexp/syntax
runtime runtime/debug runtime/metrics runtime/pprof runtime/trace
sort strconv strings sync sync/atomic
testing testing/fstest testing/iotest testing/quick testing/slogtest
text/scanner text/tabwriter text/template text/template/parse
time unicode unicode/utf16 unicode/utf8
crypto/sha3 crypto/mlkem crypto/hkdf crypto/pbkdf2 go/version structs unique
`)

func main() {
	if err := run(); err != nil {
		slog.Error("stdlib generation failed", "err", err)
		os.Exit(1)
	}
}

// run extracts every package into go<major>_<minor>_<path>.go.
func run() error {
	wd, err := os.Getwd()
	if err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	ext := extract.Extractor{Dest: path.Base(wd)}
	parts := strings.Split(runtime.Version(), ".")
	if len(parts) < 2 || !strings.HasPrefix(parts[0], "go") {
		return fmt.Errorf("gen: unsupported Go version %q", runtime.Version())
	}
	prefix := parts[0] + "_" + extract.GetMinor(parts[1]) + "_"
	for _, p := range packages {
		var buf bytes.Buffer
		if _, err := ext.Extract(p, "", &buf); err != nil {
			return fmt.Errorf("gen: extract %s: %w", p, err)
		}
		name := prefix + strings.ReplaceAll(p, "/", "_") + ".go"
		if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
			return fmt.Errorf("gen: %w", err)
		}
	}
	return nil
}
