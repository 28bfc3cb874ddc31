package io.deskforge.creator.gdp;

/**
 * One UNSPSC commodity of O*NET's Technology Skills with its weight: the part of the U.S. wage
 * bill (USD per year) of the occupations that list it, as {@link GdpWeights} defines it.
 *
 * @param occupations how many O*NET occupations list it
 */
public record CommodityWeight(String code, String title, double weightUsd, int occupations) {}
