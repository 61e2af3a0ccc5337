# Versus in a container: a static binary alone on scratch, running as a non-root user, that
# works with a read-only root file system (it serves everything from memory, writes no
# files and makes no outgoing connections, so it needs no CA certificates, time zone data
# or user database). Scratch rather than distroless/static keeps the image about 2 MiB
# smaller: distroless adds files the binary never reads.
#
#   docker build --build-arg VERSION=1.2.3 -t versus .
#   docker run --read-only -p 8080:8080 -e VERSUS_BASE_URL=https://versus.example.org versus
#
# Own content: mount it and point VERSUS_CONTENT at it, e.g.
#   docker run --read-only -p 8080:8080 -v "$PWD/content:/content:ro" -e VERSUS_CONTENT=/content versus
# Other commands run the same way: docker run --rm versus check, docker run --rm versus version.

FROM golang:1.26 AS build
WORKDIR /src
# Dependencies first, so that editing the code or the content reuses this layer.
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/versus ./cmd/versus \
 && /out/versus version

FROM scratch
COPY --from=build /out/versus /versus
# 65532 is the nonroot user of distroless images; scratch has no /etc/passwd, so it is numeric.
USER 65532:65532
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 CMD ["/versus", "healthcheck"]
ENTRYPOINT ["/versus"]
