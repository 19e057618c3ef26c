package kernel

import (
	"crypto/rand"
	"encoding/hex"
	"time"
)

// protocolVersion is the version of the messaging protocol the kernel speaks.
const protocolVersion = "5.3"

// dateLayout has 6 fractional digits: Python clients reject Go's 9 (RFC3339Nano).
const dateLayout = "2006-01-02T15:04:05.000000Z"

// header is a message header.
type header struct {
	MsgID    string `json:"msg_id"`
	Session  string `json:"session"`
	Username string `json:"username"`
	Date     string `json:"date"`
	MsgType  string `json:"msg_type"`
	Version  string `json:"version"`
}

// newHeader returns the header of a new message of type msgType sent at now.
func newHeader(session, msgType string, now time.Time) header {
	return header{
		MsgID:    newID(),
		Session:  session,
		Username: "kernel",
		Date:     formatDate(now),
		MsgType:  msgType,
		Version:  protocolVersion,
	}
}

// formatDate formats t in UTC as RFC 3339 with microseconds and a Z.
func formatDate(t time.Time) string {
	return t.UTC().Format(dateLayout)
}

// newID returns a random UUID (version 4) in its usual 8-4-4-4-12 hex form.
func newID() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic("kernel: crypto/rand failed: " + err.Error()) // never happens (documented by crypto/rand)
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	var s [36]byte
	hex.Encode(s[0:8], b[0:4])
	s[8] = '-'
	hex.Encode(s[9:13], b[4:6])
	s[13] = '-'
	hex.Encode(s[14:18], b[6:8])
	s[18] = '-'
	hex.Encode(s[19:23], b[8:10])
	s[23] = '-'
	hex.Encode(s[24:], b[10:])
	return string(s[:])
}
