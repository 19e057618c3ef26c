package kernel

// Info describes the kernel in kernel_info_reply.
type Info struct {
	Implementation        string       // such as "gograd"
	ImplementationVersion string       // the kernel's version
	Banner                string       // shown by consoles at start-up
	Language              LanguageInfo // the language the interpreter runs
	HelpLinks             []HelpLink   // shown in the front end's help menu
}

// LanguageInfo is the language_info of kernel_info_reply.
type LanguageInfo struct {
	Name           string `json:"name"`                      // such as "go"
	Version        string `json:"version"`                   // the language version
	MIMEType       string `json:"mimetype"`                  // such as "text/x-go"
	FileExtension  string `json:"file_extension"`            // such as ".go"
	PygmentsLexer  string `json:"pygments_lexer,omitempty"`  // for nbconvert's highlighting
	CodeMirrorMode string `json:"codemirror_mode,omitempty"` // for the notebook editor
}

// HelpLink is one entry of a front end's help menu.
type HelpLink struct {
	Text string `json:"text"` // the menu entry
	URL  string `json:"url"`  // where it leads
}

// kernelInfoReply is the content of kernel_info_reply.
type kernelInfoReply struct {
	Status                string       `json:"status"`
	ProtocolVersion       string       `json:"protocol_version"`
	Implementation        string       `json:"implementation"`
	ImplementationVersion string       `json:"implementation_version"`
	LanguageInfo          LanguageInfo `json:"language_info"`
	Banner                string       `json:"banner"`
	HelpLinks             []HelpLink   `json:"help_links"`
}

// kernelInfo answers kernel_info_request.
func (k *Kernel) kernelInfo(r *request) {
	links := k.info.HelpLinks
	if links == nil {
		links = []HelpLink{}
	}
	r.reply(kernelInfoReply{
		Status:                "ok",
		ProtocolVersion:       protocolVersion,
		Implementation:        k.info.Implementation,
		ImplementationVersion: k.info.ImplementationVersion,
		LanguageInfo:          k.info.Language,
		Banner:                k.info.Banner,
		HelpLinks:             links,
	})
}
