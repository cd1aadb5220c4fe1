#pragma once
/// \file
/// A minimal SVG writer: escaped text, fixed-precision coordinates, grey-scale styling hooks.
/// Every chart of the report is built with it, so the HTML stays self-contained.

#include <string>
#include <string_view>
#include <vector>

namespace entente::report {

/// `text` with &, <, >, " and ' replaced by entities, safe inside XML/HTML text and attributes.
[[nodiscard]] std::string EscapeXml(std::string_view text);

/// A point in SVG user units.
struct Point {
  double x = 0;  ///< to the right
  double y = 0;  ///< downwards
};

/// Builds one `<svg>` element. Coordinates print with two decimals so output is byte-stable.
///
/// Example:
/// ```
/// Svg svg(400, 100, "Positions on sanctions relief");
/// svg.Line({10, 50}, {390, 50}, "axis");
/// svg.Text({200, 90}, "position (index)", "label", "middle");
/// std::string markup = std::move(svg).Finish();
/// ```
class Svg {
 public:
  /// A `width` x `height` drawing; `title` is its accessible name (escaped).
  Svg(double width, double height, std::string_view title);

  /// A line; `cls` selects its CSS class (stroke set by the stylesheet), `dash` a dash pattern.
  void Line(Point a, Point b, std::string_view cls, std::string_view dash = {});
  /// A rectangle (negative sizes are normalised).
  void Rect(double x, double y, double w, double h, std::string_view cls);
  /// A circle of radius `r`.
  void Circle(Point c, double r, std::string_view cls);
  /// A closed polygon.
  void Polygon(const std::vector<Point>& points, std::string_view cls);
  /// An open polyline.
  void Polyline(const std::vector<Point>& points, std::string_view cls, std::string_view dash = {});
  /// Text at `at`; `anchor` is start, middle or end. The text is escaped.
  void Text(Point at, std::string_view text, std::string_view cls,
            std::string_view anchor = "start");
  /// Text with a tooltip (`<title>`), e.g. a truncated anchor label with its full wording.
  void TextWithTitle(Point at, std::string_view text, std::string_view title, std::string_view cls,
                     std::string_view anchor = "start");
  /// The finished element.
  [[nodiscard]] std::string Finish() &&;

 private:
  std::string out_;
};

/// `text` limited to `max_chars` code points (UTF-8 aware), the last one an ellipsis when cut.
[[nodiscard]] std::string Truncate(std::string_view text, std::size_t max_chars);

/// `text` broken at spaces into lines of at most `max_chars` code points (SVG text does not
/// wrap); a word longer than that gets a line of its own.
[[nodiscard]] std::vector<std::string> WrapWords(std::string_view text, std::size_t max_chars);

}  // namespace entente::report
