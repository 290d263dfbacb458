#pragma once
/// Sample bodies for the SplicedEncoding tests: news-like HTML, repetitive text and binary bytes cut into
/// chunks, live values of every kind, and decoders that check the whole encoded body.

#include <brotli/decode.h>
#include <gtest/gtest.h>
#include <zlib.h>

#include <algorithm>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "gazette/http/spliced_body.hpp"

namespace gazette::http::samples {

using Random = std::mt19937_64;

inline std::size_t Uniform(Random& random, std::size_t low, std::size_t high) {
  return std::uniform_int_distribution<std::size_t>(low, high)(random);
}

/// A front page's worth of markup and prose: repeated tags and class names, varied words.
inline std::string NewsHtml(Random& random, std::size_t size) {
  static constexpr std::string_view kWords[] = {
      "council", "budget",  "minister", "health", "records", "digital", "europe", "citizens", "report",
      "expert",  "answers", "question", "the",    "of",      "and",     "a",      "in",       "for",
      "data",    "service", "public",   "reform", "says",    "new",     "portal", "2026",     "Łódź"};
  std::string html =
      "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Gazette</title>"
      "<link rel=\"stylesheet\" href=\"/assets/css/site.3fa9c2.css\"></head><body>\n";
  while (html.size() < size) {
    html += "<article class=\"teaser\">\n  <h2 class=\"teaser-title\"><a href=\"/news/";
    html += std::to_string(Uniform(random, 1, 99999));
    html += "\">";
    for (std::size_t w = Uniform(random, 3, 9); w > 0; --w) {
      html += kWords[Uniform(random, 0, std::size(kWords) - 1)];
      html += ' ';
    }
    html += "</a></h2>\n  <p class=\"teaser-intro\">";
    for (std::size_t w = Uniform(random, 20, 60); w > 0; --w) {
      html += kWords[Uniform(random, 0, std::size(kWords) - 1)];
      html += w % 11 == 0 ? ". " : " ";
    }
    html +=
        "</p>\n  <p class=\"read-more\">Read more: <a href=\"/news/x\">GB: Expert round up</a></p>\n"
        "</article>\n";
  }
  html.resize(size);
  return html;
}

/// One of: news HTML, a repeated phrase, one repeated byte, random bytes.
inline std::string SampleText(Random& random, std::size_t size) {
  switch (Uniform(random, 0, 3)) {
    case 0:
      return NewsHtml(random, size);
    case 1: {
      std::string text;
      const std::string phrase = "Today 3,256 | Yesterday 11,622 | All 53,860,060 " + std::to_string(size);
      while (text.size() < size) text += phrase;
      text.resize(size);
      return text;
    }
    case 2:
      return std::string(size, static_cast<char>(Uniform(random, 0, 255)));
    default: {
      std::string text(size, '\0');
      for (char& c : text) c = static_cast<char>(Uniform(random, 0, 255));
      return text;
    }
  }
}

/// text cut at `slots` random places (equal places give empty chunks).
inline std::vector<std::string> CutIntoChunks(Random& random, const std::string& text, std::size_t slots) {
  std::vector<std::size_t> cuts;
  for (std::size_t i = 0; i < slots; ++i) cuts.push_back(Uniform(random, 0, text.size()));
  std::sort(cuts.begin(), cuts.end());
  std::vector<std::string> chunks;
  std::size_t begin = 0;
  for (const std::size_t cut : cuts) {
    chunks.push_back(text.substr(begin, cut - begin));
    begin = cut;
  }
  chunks.push_back(text.substr(begin));
  return chunks;
}

/// A live value: usually short (counter figures), sometimes empty, sometimes up to 70,000 bytes, made of
/// digits, of bytes copied from the page (which tempt a wrong back-reference), or of any byte.
inline std::string LiveValue(Random& random, std::string_view page) {
  const std::size_t kind = Uniform(random, 0, 99);
  const std::size_t size = kind < 20   ? 0
                           : kind < 70 ? Uniform(random, 1, 24)
                           : kind < 90 ? Uniform(random, 25, 3000)
                                       : Uniform(random, 3001, 70000);
  std::string value;
  switch (Uniform(random, 0, 2)) {
    case 0:
      while (value.size() < size) value += std::to_string(Uniform(random, 0, 99999999)) + ",";
      break;
    case 1:
      while (!page.empty() && value.size() < size) {
        const std::size_t at = Uniform(random, 0, page.size() - 1);
        value += page.substr(at, size - value.size());
      }
      break;
    default:
      value.resize(size);
      for (char& c : value) c = static_cast<char>(Uniform(random, 0, 255));
      break;
  }
  value.resize(size, 'x');
  return value;
}

inline std::vector<std::string_view> Views(const std::vector<std::string>& strings) {
  return std::vector<std::string_view>(strings.begin(), strings.end());
}

/// chunk 0, live 0, chunk 1, ..., chunk N.
inline std::string Interleave(const std::vector<std::string>& chunks, const std::vector<std::string>& live) {
  std::string text;
  for (std::size_t i = 0; i < chunks.size(); ++i) {
    text += chunks[i];
    if (i < live.size()) text += live[i];
  }
  return text;
}

inline std::string Joined(const SplicedBody& body) {
  std::string text;
  for (const std::string_view piece : body.pieces) text += piece;
  return text;
}

/// Inflates a whole gzip member; fails the test unless it ends exactly with a valid trailer (zlib checks
/// the CRC-32 and ISIZE before it answers Z_STREAM_END).
inline std::string Gunzip(std::string_view gzip) {
  z_stream stream{};
  EXPECT_EQ(inflateInit2(&stream, 16 + MAX_WBITS), Z_OK);
  std::string plain;
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gzip.data()));
  stream.avail_in = static_cast<uInt>(gzip.size());
  int status = Z_OK;
  char buffer[16384];
  while (status == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof buffer;
    status = inflate(&stream, Z_NO_FLUSH);
    plain.append(buffer, sizeof buffer - stream.avail_out);
  }
  EXPECT_EQ(status, Z_STREAM_END) << (stream.msg ? stream.msg : "");
  EXPECT_EQ(stream.avail_in, 0u) << "bytes after the gzip member";
  inflateEnd(&stream);
  return plain;
}

/// Decodes a whole brotli stream of at most `expected_size` bytes with the one-shot decoder.
inline std::string Unbrotli(std::string_view encoded, std::size_t expected_size) {
  std::string plain(expected_size + 1, '\0');  // one spare byte: a longer result is an error
  std::size_t size = plain.size();
  const BrotliDecoderResult result =
      BrotliDecoderDecompress(encoded.size(), reinterpret_cast<const std::uint8_t*>(encoded.data()), &size,
                              reinterpret_cast<std::uint8_t*>(plain.data()));
  EXPECT_EQ(result, BROTLI_DECODER_RESULT_SUCCESS);
  plain.resize(result == BROTLI_DECODER_RESULT_SUCCESS ? size : 0);
  return plain;
}

}  // namespace gazette::http::samples
