// swift-tools-version:6.0
import PackageDescription

let fuzzSettings: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "Wegweiser",
    products: [
        .executable(name: "wegweiser", targets: ["WegweiserCLI"]),
        .library(name: "Wegweiser", targets: ["Wegweiser"]),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "FrontMatter"),
        .target(name: "Templates"),
        .target(name: "Markdown", dependencies: ["CCmark"]),
        .target(name: "ICalendar"),
        .target(name: "Wegweiser", dependencies: ["FrontMatter", "Templates", "Markdown", "ICalendar"]),
        .target(name: "Preview"),
        .executableTarget(name: "WegweiserCLI", dependencies: ["Wegweiser", "Preview"]),
        // libFuzzer targets (`make fuzz`). Built normally they replay the files given as arguments, so the
        // seed corpus doubles as a regression test; built with `-DFUZZING --sanitize=fuzzer`, libFuzzer drives them.
        .target(name: "FuzzSupport"),
        .executableTarget(
            name: "FuzzFrontMatter", dependencies: ["FrontMatter", "FuzzSupport"], swiftSettings: fuzzSettings),
        .executableTarget(
            name: "FuzzTemplates", dependencies: ["Templates", "FuzzSupport"], swiftSettings: fuzzSettings),
        .executableTarget(
            name: "FuzzMarkdownLinks", dependencies: ["Markdown", "FuzzSupport"], swiftSettings: fuzzSettings),
        .testTarget(name: "FrontMatterTests", dependencies: ["FrontMatter"]),
        .testTarget(name: "TemplatesTests", dependencies: ["Templates"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"]),
        .testTarget(name: "ICalendarTests", dependencies: ["ICalendar"], exclude: ["Golden"]),
        .testTarget(name: "WegweiserCLITests", dependencies: ["WegweiserCLI"]),
        .testTarget(name: "PreviewTests", dependencies: ["Preview"]),
        .testTarget(
            name: "WegweiserTests",
            dependencies: ["Wegweiser", "ICalendar"],
            exclude: ["Fixtures"]
        ),
    ]
)
