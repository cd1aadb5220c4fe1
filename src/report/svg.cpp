#include "entente/report/svg.hpp"

#include <fmt/format.h>

namespace entente::report {

std::string EscapeXml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

// Two decimals keep files small and identical across runs; "-0.00" would differ from "0.00".
std::string Num(double v) {
  std::string s = fmt::format("{:.2f}", v);
  if (s == "-0.00") s = "0.00";
  return s;
}

std::string Attrs(std::string_view cls, std::string_view dash) {
  std::string out = fmt::format(" class=\"{}\"", EscapeXml(cls));
  if (!dash.empty()) out += fmt::format(" stroke-dasharray=\"{}\"", EscapeXml(dash));
  return out;
}

std::string PointList(const std::vector<Point>& points) {
  std::string out;
  for (const Point& p : points) {
    if (!out.empty()) out += ' ';
    out += Num(p.x) + ',' + Num(p.y);
  }
  return out;
}

}  // namespace

Svg::Svg(double width, double height, std::string_view title) {
  out_ = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" "
      "height=\"{1}\" role=\"img\"><title>{2}</title>\n",
      Num(width), Num(height), EscapeXml(title));
}

void Svg::Line(Point a, Point b, std::string_view cls, std::string_view dash) {
  out_ += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"{}/>\n", Num(a.x), Num(a.y),
                      Num(b.x), Num(b.y), Attrs(cls, dash));
}

void Svg::Rect(double x, double y, double w, double h, std::string_view cls) {
  if (w < 0) x += w, w = -w;
  if (h < 0) y += h, h = -h;
  out_ += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"{}/>\n", Num(x), Num(y),
                      Num(w), Num(h), Attrs(cls, {}));
}

void Svg::Circle(Point c, double r, std::string_view cls) {
  out_ += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"{}\"{}/>\n", Num(c.x), Num(c.y), Num(r),
                      Attrs(cls, {}));
}

void Svg::Polygon(const std::vector<Point>& points, std::string_view cls) {
  out_ += fmt::format("<polygon points=\"{}\"{}/>\n", PointList(points), Attrs(cls, {}));
}

void Svg::Polyline(const std::vector<Point>& points, std::string_view cls, std::string_view dash) {
  out_ += fmt::format("<polyline points=\"{}\" fill=\"none\"{}/>\n", PointList(points),
                      Attrs(cls, dash));
}

void Svg::Text(Point at, std::string_view text, std::string_view cls, std::string_view anchor) {
  out_ += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"{}\"{}>{}</text>\n", Num(at.x),
                      Num(at.y), EscapeXml(anchor), Attrs(cls, {}), EscapeXml(text));
}

void Svg::TextWithTitle(Point at, std::string_view text, std::string_view title,
                        std::string_view cls, std::string_view anchor) {
  out_ += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"{}\"{}><title>{}</title>{}</text>\n",
                      Num(at.x), Num(at.y), EscapeXml(anchor), Attrs(cls, {}), EscapeXml(title),
                      EscapeXml(text));
}

std::string Svg::Finish() && {
  out_ += "</svg>";
  return std::move(out_);
}

std::string Truncate(std::string_view text, std::size_t max_chars) {
  // Code point starts: bytes that do not continue a UTF-8 sequence.
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) starts.push_back(i);
  }
  if (starts.size() <= max_chars) return std::string(text);
  if (max_chars == 0) return {};
  return std::string(text.substr(0, starts[max_chars - 1])) + "\u2026";
}

namespace {

std::size_t CodePoints(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

}  // namespace

std::vector<std::string> WrapWords(std::string_view text, std::size_t max_chars) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t space = text.find(' ', i);
    const std::string_view word =
        text.substr(i, space == std::string_view::npos ? std::string_view::npos : space - i);
    i = space == std::string_view::npos ? text.size() : space + 1;
    if (word.empty()) continue;
    if (!line.empty() && CodePoints(line) + 1 + CodePoints(word) > max_chars) {
      lines.push_back(std::move(line));
      line.clear();
    }
    if (!line.empty()) line += ' ';
    line += word;
  }
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

}  // namespace entente::report
