// swift-tools-version:6.0
import PackageDescription

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
        .executableTarget(name: "WegweiserCLI", dependencies: ["Wegweiser"]),
        .testTarget(name: "FrontMatterTests", dependencies: ["FrontMatter"]),
        .testTarget(name: "TemplatesTests", dependencies: ["Templates"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"]),
        .testTarget(name: "ICalendarTests", dependencies: ["ICalendar"], exclude: ["Golden"]),
        .testTarget(name: "WegweiserCLITests", dependencies: ["WegweiserCLI"]),
        .testTarget(
            name: "WegweiserTests",
            dependencies: ["Wegweiser", "ICalendar"],
            exclude: ["Fixtures"]
        ),
    ]
)
