import { describe, expect, it } from 'vitest';
import { blankImage, cropImage, rotateQuarter, sample, warp } from './raster.ts';

const gradient = () => {
  const img = blankImage(4, 3, 0);
  for (let i = 0; i < img.data.length; i++) img.data[i] = i * 10;
  return img;
};

describe('sample', () => {
  it('gives a pixel at its centre and interpolates between centres', () => {
    const img = gradient();
    expect(sample(img, 0.5, 0.5)).toBe(0);
    expect(sample(img, 1.5, 0.5)).toBe(10);
    expect(sample(img, 1, 0.5)).toBeCloseTo(5);
    expect(sample(img, 1, 1)).toBeCloseTo((0 + 10 + 40 + 50) / 4);
  });

  it('reads white far outside the picture', () => {
    expect(sample(gradient(), -5, 2)).toBe(255);
    expect(sample(gradient(), 2, 99)).toBe(255);
  });
});

describe('warp', () => {
  it('copies the picture through the identity map', () => {
    const img = gradient();
    expect([...warp(img, [1, 0, 0, 0, 1, 0, 0, 0, 1], 4, 3).data]).toEqual([...img.data]);
  });

  it('halves the picture through a scale of two', () => {
    const img = blankImage(8, 8, 255);
    img.data.fill(0, 0, 32); // top half black
    const small = warp(img, [2, 0, 0, 0, 2, 0, 0, 0, 1], 4, 4);
    expect(small.data[0]).toBe(0);
    expect(small.data[15]).toBe(255);
  });
});

describe('cropImage and rotateQuarter', () => {
  it('crops inside the image and clips at its edges', () => {
    const img = gradient();
    expect([...cropImage(img, 1, 1, 2, 1).data]).toEqual([50, 60]);
    expect(cropImage(img, 3, 2, 10, 10)).toMatchObject({ width: 1, height: 1 });
  });

  it('turns a quarter clockwise, and four turns come back', () => {
    const img = gradient();
    const turned = rotateQuarter(img, 1);
    expect(turned).toMatchObject({ width: 3, height: 4 });
    // The old bottom-left pixel is the new top-left.
    expect(turned.data[0]).toBe(80);
    expect([...rotateQuarter(rotateQuarter(turned, 2), 1).data]).toEqual([...img.data]);
  });
});
