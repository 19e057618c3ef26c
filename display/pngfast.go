package display

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/png"
)

// encodePNG encodes a rendered picture; see pngEncoder.
func encodePNG(img image.Image) ([]byte, error) {
	var e pngEncoder
	return e.encode(img)
}

// pngEncoder encodes rendered pictures. Pictures are opaque RGBA images (every canvas starts
// white), which it writes about twice as fast as image/png, whose per-row filter search
// dominates; anything else goes through image/png. An encoder kept between pictures reuses
// its deflate state (a megabyte, a third of the time of encoding a live chart). The zero
// value is ready; not safe for concurrent use.
type pngEncoder struct {
	zw   *zlib.Writer
	idat bytes.Buffer
	row  []byte
}

// encode returns the PNG bytes of img, a new slice.
func (e *pngEncoder) encode(img image.Image) ([]byte, error) {
	if rgba, ok := img.(*image.RGBA); ok {
		if b, ok := e.encodeOpaqueRGBA(rgba); ok {
			return b, nil
		}
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("display: writing png: %w", err)
	}
	return buf.Bytes(), nil
}

// encodeOpaqueRGBA writes img as an 8-bit RGB PNG with no row filter and fast deflate. It
// reports false, having written nothing useful, when a pixel is not opaque.
func (e *pngEncoder) encodeOpaqueRGBA(img *image.RGBA) ([]byte, bool) {
	r := img.Bounds()
	w, h := r.Dx(), r.Dy()
	e.idat.Reset()
	if e.zw == nil {
		e.zw, _ = zlib.NewWriterLevel(&e.idat, zlib.BestSpeed) // the level is valid: no error
	} else {
		e.zw.Reset(&e.idat)
	}
	if len(e.row) != 1+3*w {
		e.row = make([]byte, 1+3*w) // filter byte 0 (none), then RGB
	}
	row := e.row
	for y := 0; y < h; y++ {
		px := img.Pix[img.PixOffset(r.Min.X, r.Min.Y+y):]
		for x := 0; x < w; x++ {
			p := px[4*x : 4*x+4 : 4*x+4]
			if p[3] != 0xff {
				return nil, false
			}
			copy(row[1+3*x:4+3*x], p[:3])
		}
		e.zw.Write(row) // writes to a bytes.Buffer cannot fail
	}
	e.zw.Close()
	out := bytes.NewBuffer(make([]byte, 0, e.idat.Len()+64))
	out.WriteString("\x89PNG\r\n\x1a\n")
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = 8, 2 // 8 bits per sample, truecolour; compression, filter, interlace 0
	writeChunk(out, "IHDR", ihdr[:])
	writeChunk(out, "IDAT", e.idat.Bytes())
	writeChunk(out, "IEND", nil)
	return out.Bytes(), true
}

// writeChunk appends one PNG chunk: length, type, data and the CRC of type and data.
func writeChunk(out *bytes.Buffer, typ string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	out.Write(n[:])
	crc := crc32.NewIEEE()
	crc.Write([]byte(typ))
	crc.Write(data)
	out.WriteString(typ)
	out.Write(data)
	binary.BigEndian.PutUint32(n[:], crc.Sum32())
	out.Write(n[:])
}
