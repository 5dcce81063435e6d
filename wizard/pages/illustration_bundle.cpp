#include "wizard/pages/illustration_bundle.h"

#include <wx/log.h>

#include <wx/image.h>
#include <wx/mstream.h>

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <utility>

#include "images/wizard_content.h"

namespace keywizard::ui {
namespace {

wxImage decode_png(std::span<const unsigned char> bytes) {
    if (bytes.empty()) {
        return {};
    }
    if (wxImage::FindHandler(wxBITMAP_TYPE_PNG) == nullptr) {
        wxImage::AddHandler(new wxPNGHandler);
    }
    wxMemoryInputStream stream(bytes.data(), bytes.size());
    wxImage image;
    image.LoadFile(stream, wxBITMAP_TYPE_PNG);
    return image;
}

// The size a PNG declares in its IHDR chunk (after the 8-byte signature: length, "IHDR", width, height), so
// a bundle knows its size without decoding anything.
std::optional<wxSize> png_size(std::span<const unsigned char> png) {
    if (png.size() < 24 || std::string_view(reinterpret_cast<const char*>(png.data() + 12), 4) != "IHDR") {
        return std::nullopt;
    }
    const auto read_32 = [&](std::size_t at) {
        return (std::uint32_t{png[at]} << 24) | (std::uint32_t{png[at + 1]} << 16) |
               (std::uint32_t{png[at + 2]} << 8) | std::uint32_t{png[at + 3]};
    };
    return wxSize(static_cast<int>(read_32(16)), static_cast<int>(read_32(20)));
}

// The build's 1x and 2x PNGs of one picture, each decoded the first time a window asks for its size. A
// window at 100% never decodes the 2x one.
class RenderedIllustration : public wxBitmapBundleImpl {
  public:
    RenderedIllustration(std::span<const unsigned char> png_1x, std::span<const unsigned char> png_2x,
                         wxSize size_1x)
        : png_{png_1x, png_2x}, size_1x_(size_1x) {}

    wxSize GetDefaultSize() const override { return size_1x_; }
    wxSize GetPreferredBitmapSizeAtScale(double scale) const override { return DoGetPreferredSize(scale); }

    wxBitmap GetBitmap(const wxSize& size) override {
        const std::size_t index = size == size_1x_ ? 0 : 1;
        if (!decoded_[index].IsOk()) {
            decoded_[index] = wxBitmap(decode_png(png_[index]));
        }
        if (size == size_1x_ || size == size_1x_ * 2 || !decoded_[index].IsOk()) {
            return decoded_[index];
        }
        // A scale in between or beyond (150%, 300%): from the 2x pixels.
        return wxBitmap(decoded_[index].ConvertToImage().Scale(size.x, size.y, wxIMAGE_QUALITY_BILINEAR));
    }

  protected:
    double GetNextAvailableScale(std::size_t& i) const override {
        switch (i++) {
            case 0:
                return 1.0;
            case 1:
                return 2.0;
            default:
                return 0.0;
        }
    }

  private:
    std::span<const unsigned char> png_[2];
    wxSize size_1x_;
    wxBitmap decoded_[2];
};

wxBitmap scaled_to_width(const wxImage& source, int width) {
    const int height =
        static_cast<int>(static_cast<long long>(source.GetHeight()) * width / source.GetWidth());
    return wxBitmap(source.Scale(width, height, wxIMAGE_QUALITY_BILINEAR));
}

// A width the build did not render: both bitmaps scaled from the 2x PNG now.
wxBitmapBundle scaled_illustration(std::string_view name, int width_dip) {
    wxImage source = decode_png(content::illustration_png(name, 2));
    if (!source.IsOk()) {
        source = decode_png(content::illustration_png(name, 1));
    }
    if (!source.IsOk() || source.GetWidth() <= 0) {
        return {};
    }
    wxVector<wxBitmap> bitmaps;
    bitmaps.push_back(scaled_to_width(source, width_dip));
    bitmaps.push_back(scaled_to_width(source, std::min(source.GetWidth(), width_dip * 2)));
    return wxBitmapBundle::FromBitmaps(bitmaps);
}

}  // namespace

wxBitmapBundle illustration_bundle(std::string_view name, int width_dip) {
    static std::map<std::pair<std::string, int>, wxBitmapBundle> made;
    const auto key = std::make_pair(std::string(name), width_dip);
    if (const auto found = made.find(key); found != made.end()) {
        return found->second;
    }
    if (name.starts_with('/')) {
        // A host's own picture (host_content.h): any PNG, scaled to the column once here.
        wxImage source;
        wxLogNull quiet;  // a broken file shows no picture rather than a dialog
        if (!source.LoadFile(wxString::FromUTF8(std::string(name)), wxBITMAP_TYPE_PNG) ||
            source.GetWidth() <= 0) {
            return made[key] = wxBitmapBundle();
        }
        wxVector<wxBitmap> bitmaps;
        bitmaps.push_back(scaled_to_width(source, width_dip));
        bitmaps.push_back(scaled_to_width(source, std::min(source.GetWidth(), width_dip * 2)));
        return made[key] = wxBitmapBundle::FromBitmaps(bitmaps);
    }
    const auto png_1x = content::illustration_png(name, 1);
    const auto png_2x = content::illustration_png(name, 2);
    const auto size_1x = png_size(png_1x);
    const auto size_2x = png_size(png_2x);
    wxBitmapBundle bundle;
    if (width_dip == content::illustration_width && size_1x && size_2x && size_1x->x == width_dip &&
        *size_2x == *size_1x * 2) {
        bundle = wxBitmapBundle::FromImpl(new RenderedIllustration(png_1x, png_2x, *size_1x));
    } else {
        bundle = scaled_illustration(name, width_dip);
    }
    return made[key] = bundle;
}

}  // namespace keywizard::ui
